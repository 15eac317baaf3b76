package vn.ansinh.households.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.households.domain.Household;
import vn.ansinh.platform.problem.Problem;
import vn.ansinh.platform.problem.ProblemException;
import vn.ansinh.platform.security.Caller;

/**
 * What of the registry the caller may see and change: a commune officer their commune, a
 * district officer their district's communes, everyone else the province. Another area's
 * household is answered as not found — its existence is not disclosed.
 */
@RequestScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RegistryAccess {

    private final Caller caller;
    private final AreaService areas;
    private final HouseholdService households;

    public RegistryAccess(Caller caller, AreaService areas, HouseholdService households) {
        this.caller = caller;
        this.areas = areas;
        this.households = households;
    }

    /** The household, if it lies in the caller's area. */
    public Household household(UUID id) {
        Household household = households.get(id);
        if (!covers(household.areaCode())) {
            throw ProblemException.notFound("No household with id " + id + ".");
        }
        return household;
    }

    /** Refuses to place a household in a commune outside the caller's area. */
    public void requireWithin(String field, String areaCode) {
        if (!covers(areaCode)) {
            throw new ProblemException(403, "Forbidden", "The area is outside yours (" + caller.area().orElse("")
                    + ").", List.of(new Problem.FieldError(field, "is outside your area")));
        }
    }

    /** The area a search runs in: the one asked for if it lies in the caller's, else the caller's. */
    public String searchArea(String requested) {
        String scope = caller.area().orElse(null);
        if (requested == null) {
            return scope;
        }
        requireWithin("area", requested);
        return requested;
    }

    /** Whether the caller's area is this unit or one of its ancestors. */
    public boolean covers(String areaCode) {
        return areas.within(areaCode, caller.area().orElse(null));
    }
}
