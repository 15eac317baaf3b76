package vn.ansinh.households.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.households.domain.Area;
import vn.ansinh.households.repository.AreaRepository;
import vn.ansinh.platform.problem.ProblemException;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AreaService {

    private final AreaRepository areas;

    public AreaService(AreaRepository areas) {
        this.areas = areas;
    }

    public Area get(String code) {
        return areas.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("No area with code " + code + "."));
    }

    /** The commune a household is placed in; a clear field error when it is not one that exists today. */
    public Area communeFor(String field, String code) {
        Area area = areas.findById(code);
        if (area == null) {
            throw ProblemException.invalid(field, "no administrative unit has code " + code);
        }
        if (area.level() != Area.Level.COMMUNE) {
            throw ProblemException.invalid(field, code + " is a " + area.level().name().toLowerCase()
                    + "; a household belongs to a commune");
        }
        if (area.validTo() != null) {
            throw ProblemException.invalid(field, "commune " + code + " no longer exists"
                    + (area.successorCode() != null ? "; it was merged into " + area.successorCode() : ""));
        }
        return area;
    }

    /** The district of a commune (or the unit itself above commune level). */
    public String districtOf(Area area) {
        return area.level() == Area.Level.COMMUNE ? area.parentCode() : area.code();
    }

    public List<Area> children(String parentCode) {
        return areas.children(parentCode);
    }

    public List<Area> byLevel(Area.Level level) {
        return areas.byLevel(level);
    }
}
