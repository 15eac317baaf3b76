package vn.ansinh.benefits.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.benefits.domain.Application;
import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.domain.PaymentCycle;
import vn.ansinh.platform.problem.Problem;
import vn.ansinh.platform.problem.ProblemException;
import vn.ansinh.platform.security.Caller;

/**
 * What of the benefits a caller may see and act on: a commune officer their commune's households,
 * a district officer their district's (and its payment cycles), everyone else the province. The
 * area comes from the copy of the registry (commune and district of each household); GSO codes
 * tell the level by their length (province 2 digits, district 3, commune 5).
 */
@RequestScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BenefitsAccess {

    private final Caller caller;
    private final RegistryCopyService registry;
    private final ApplicationService applications;
    private final PaymentService payments;

    public BenefitsAccess(Caller caller, RegistryCopyService registry, ApplicationService applications,
            PaymentService payments) {
        this.caller = caller;
        this.registry = registry;
        this.applications = applications;
        this.payments = payments;
    }

    /** The household, if it lies in the caller's area; another area's is "not found". */
    public Household household(UUID id) {
        Household household = registry.get(id);
        if (!covers(household.areaCode(), household.districtCode())) {
            throw RegistryCopyService.notFound(id);
        }
        return household;
    }

    /** The application, if its household lies in the caller's area. */
    public Application application(UUID id) {
        Application application = applications.get(id);
        Optional<Household> household = registry.find(application.householdId());
        if (household.isPresent() && !covers(household.get().areaCode(), household.get().districtCode())) {
            throw ProblemException.notFound("No application " + id + ".");
        }
        return application;
    }

    /** The area a listing runs in: the caller's, or the one asked for when the caller has the province. */
    public String searchArea(String requested) {
        Optional<String> scope = limitedArea();
        if (scope.isEmpty() || scope.get().equals(requested)) {
            return requested;
        }
        if (requested == null) {
            return scope.get();
        }
        throw outside("area");
    }

    /** A payment cycle of a district (null: the province) the caller may act on. */
    public void requireDistrict(String field, String districtCode) {
        Optional<String> scope = limitedArea();
        if (scope.isPresent() && !scope.get().equals(districtCode)) {
            throw outside(field);
        }
    }

    /** The cycle, if the caller may see it. */
    public PaymentCycle cycle(UUID id) {
        PaymentCycle cycle = payments.cycle(id);
        Optional<String> scope = limitedArea();
        if (scope.isPresent() && !scope.get().equals(cycle.districtCode())) {
            throw ProblemException.notFound("No payment cycle " + id + ".");
        }
        return cycle;
    }

    private boolean covers(String communeCode, String districtCode) {
        Optional<String> scope = limitedArea();
        return scope.isEmpty() || scope.get().equals(communeCode) || scope.get().equals(districtCode);
    }

    /** The caller's area below the province, if any. */
    private Optional<String> limitedArea() {
        return caller.area().filter(area -> area.length() > 2);
    }

    private ProblemException outside(String field) {
        return new ProblemException(403, "Forbidden", "The area is outside yours (" + caller.area().orElse("") + ").",
                List.of(new Problem.FieldError(field, "is outside your area")));
    }
}
