package vn.ansinh.benefits.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static vn.ansinh.platform.security.Roles.AGENCY;
import static vn.ansinh.platform.security.Roles.APPROVER;
import static vn.ansinh.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ansinh.platform.security.Roles.DISTRICT_OFFICER;
import static vn.ansinh.platform.security.Roles.INSPECTOR;
import static vn.ansinh.platform.security.Roles.PROVINCE_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import vn.ansinh.benefits.domain.Entitlement;
import vn.ansinh.benefits.domain.EntitlementFilter;
import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.domain.Standing;
import vn.ansinh.benefits.service.BenefitsAccess;
import vn.ansinh.benefits.service.EntitlementService;
import vn.ansinh.benefits.service.RegistryCopyService;
import vn.ansinh.platform.security.PersonalDataAudit;
import vn.ansinh.platform.security.PersonalField;

/**
 * What benefits-service knows of a registry household (lets officers see whether a change has
 * arrived) and what it is owed.
 */
@RolesAllowed({ PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, APPROVER, INSPECTOR, AGENCY })
@Path("/api")
public class HouseholdCopyResource {

    private final RegistryCopyService registry;
    private final EntitlementService entitlements;
    private final BenefitsAccess access;
    private final PersonalDataAudit personalData;

    public HouseholdCopyResource(RegistryCopyService registry, EntitlementService entitlements, BenefitsAccess access,
            PersonalDataAudit personalData) {
        this.registry = registry;
        this.entitlements = entitlements;
        this.access = access;
        this.personalData = personalData;
    }

    /** The date of birth is null unless the caller's role grants it ({@code masked} says so). */
    public record MemberCopy(UUID id, String fullName, LocalDate dateOfBirth, boolean schoolEnrolled, boolean active,
            LocalDate leftOn, List<String> masked) {
    }

    public record ClassificationCopy(int year, String category, Integer newlyEscapedSince, Standing standing) {
    }

    public record HouseholdCopy(UUID id, String code, String areaCode, String districtCode, boolean ethnicMinority,
            boolean meritFamily, Instant registeredAt, Instant updatedAt, List<MemberCopy> members,
            List<ClassificationCopy> classifications) {
    }

    public record EntitlementView(UUID id, String programme, UUID householdId, UUID memberId, String period,
            LocalDate periodStart, LocalDate periodEnd, int surveyYear, Standing standing, long amountVnd, long stateVnd,
            long provinceVnd, Entitlement.Status status, LocalDate endedOn, String endReason) {

        static EntitlementView of(Entitlement e) {
            return new EntitlementView(e.id(), e.programmeCode(), e.householdId(), e.memberId(), e.period(),
                    e.periodStart(), e.periodEnd(), e.surveyYear(), e.standing(), e.amountVnd(), e.stateVnd(),
                    e.provinceVnd(), e.status(), e.endedOn(), e.endReason());
        }
    }

    public record EntitlementPage(List<EntitlementView> items, int page, int size, long total) {
    }

    @GET
    @Path("/households/{id}")
    public HouseholdCopy get(@PathParam("id") UUID id) {
        Household h = access.household(id);
        Set<PersonalField> visible = personalData.reveal("household", List.of(id));
        boolean birthDates = visible.contains(PersonalField.DATE_OF_BIRTH);
        List<String> masked = birthDates ? List.of() : List.of(PersonalField.DATE_OF_BIRTH.field());
        return new HouseholdCopy(h.id(), h.code(), h.areaCode(), h.districtCode(), h.ethnicMinority(),
                h.meritFamily(), h.registeredAt(), h.updatedAt(),
                registry.members(id).stream().map(m -> new MemberCopy(m.id(), m.fullName(),
                        birthDates ? m.dateOfBirth() : null, m.schoolEnrolled(), m.active(), m.leftOn(), masked))
                        .toList(),
                registry.classifications(id).stream().map(c -> new ClassificationCopy(c.year(), c.category(),
                        c.newlyEscapedSince(), c.standing())).toList());
    }

    /** Entitlements, filtered by household, area (commune or district), programme, period ({@code 2024}, {@code 2024-Q1}) and status. */
    @GET
    @Path("/entitlements")
    public EntitlementPage entitlements(@QueryParam("household") UUID household,
            @QueryParam("area") @Size(max = 10) String area, @QueryParam("programme") String programme, @QueryParam("period") String period,
            @QueryParam("status") Entitlement.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (household != null) {
            access.household(household);
        }
        EntitlementService.Found found = entitlements.search(new EntitlementFilter(household,
                access.searchArea(area), programme, period, status), page, size);
        return new EntitlementPage(found.items().stream().map(EntitlementView::of).toList(), page, size,
                found.total());
    }
}
