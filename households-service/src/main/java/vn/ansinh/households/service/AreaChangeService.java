package vn.ansinh.households.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.AreaChange;
import vn.ansinh.households.domain.Household;
import vn.ansinh.households.repository.AreaRepository;
import vn.ansinh.households.repository.HouseholdRepository;
import vn.ansinh.platform.problem.ProblemException;

/**
 * Renames, moves and merges of administrative units, each with the date it takes effect and
 * kept as history. Surveys keep the commune of their year, so past figures do not move; the
 * households of a merged commune move to its successor, and those of a moved commune are
 * announced with their new district, through the registry's ordinary events and audit.
 */
@ApplicationScoped
@Transactional
public class AreaChangeService {

    private final AreaRepository areas;
    private final AreaService areaService;
    private final HouseholdRepository households;
    private final HouseholdService registry;

    public AreaChangeService(AreaRepository areas, AreaService areaService, HouseholdRepository households,
            HouseholdService registry) {
        this.areas = areas;
        this.areaService = areaService;
        this.households = households;
        this.registry = registry;
    }

    public record Request(AreaChange.Kind kind, LocalDate effectiveDate, String newName, String newParentCode,
            String successorCode) {
    }

    public record Result(AreaChange change, int householdsMoved) {
    }

    public Result change(String code, Request request, String actor) {
        Area area = areaService.get(code);
        if (area.validTo() != null) {
            throw ProblemException.conflict("Area " + code + " was merged into " + area.successorCode() + " on "
                    + area.validTo() + "; it cannot change any more.");
        }
        if (request.effectiveDate().isAfter(LocalDate.now())) {
            // a change applies when recorded: recording it ahead would move households too early
            throw ProblemException.invalid("effectiveDate", "is in the future; record the change on or after the day"
                    + " it takes effect");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return switch (request.kind()) {
            case RENAMED -> rename(area, request, actor, now);
            case MOVED -> move(area, request, actor, now);
            case MERGED -> merge(area, request, actor, now);
        };
    }

    private Result rename(Area area, Request request, String actor, Instant now) {
        String name = request.newName() == null ? "" : request.newName().strip();
        if (name.isEmpty() || name.length() > 120) {
            throw ProblemException.invalid("newName", "a renaming needs the new name (1 to 120 characters)");
        }
        if (name.equals(area.name())) {
            throw ProblemException.invalid("newName", "is the unit's name already");
        }
        AreaChange change = new AreaChange(area.code(), AreaChange.Kind.RENAMED, request.effectiveDate(), area.name(),
                name, null, null, null, now, actor);
        area.rename(name);
        areas.record(change);
        areaService.announce(area);
        return new Result(change, 0);
    }

    private Result move(Area area, Request request, String actor, Instant now) {
        if (area.level() == Area.Level.PROVINCE) {
            throw ProblemException.invalid("kind", "a province has no parent to move to");
        }
        Area parent = inForce("newParentCode", request.newParentCode());
        Area.Level parentLevel = area.level() == Area.Level.COMMUNE ? Area.Level.DISTRICT : Area.Level.PROVINCE;
        if (parent.level() != parentLevel) {
            throw ProblemException.invalid("newParentCode", "a " + area.level().name().toLowerCase() + " belongs to a "
                    + parentLevel.name().toLowerCase() + ", and " + parent.code() + " is a "
                    + parent.level().name().toLowerCase());
        }
        if (parent.code().equals(area.parentCode())) {
            throw ProblemException.invalid("newParentCode", "is the unit's parent already");
        }
        AreaChange change = new AreaChange(area.code(), AreaChange.Kind.MOVED, request.effectiveDate(), null, null,
                area.parentCode(), parent.code(), null, now, actor);
        area.moveTo(parent.code());
        areas.record(change);
        areaService.announce(area);
        List<Household> moved = area.level() == Area.Level.COMMUNE ? households.inCommune(area.code()) : List.of();
        moved.forEach(registry::announceAreaChange);
        return new Result(change, moved.size());
    }

    private Result merge(Area area, Request request, String actor, Instant now) {
        if (area.level() != Area.Level.COMMUNE) {
            throw ProblemException.invalid("kind", "only communes are merged here; merge a district's communes first");
        }
        Area successor = inForce("successorCode", request.successorCode());
        if (successor.level() != Area.Level.COMMUNE || successor.code().equals(area.code())) {
            throw ProblemException.invalid("successorCode", "must be another commune in force");
        }
        AreaChange change = new AreaChange(area.code(), AreaChange.Kind.MERGED, request.effectiveDate(), null, null,
                null, null, successor.code(), now, actor);
        area.mergeInto(successor.code(), request.effectiveDate());
        areas.record(change);
        areaService.announce(area);
        List<Household> moved = households.inCommune(area.code());
        for (Household household : moved) {
            Household.Details details = household.details();
            registry.update(household.id(), new Household.Details(successor.code(), details.address(),
                    details.headName(), details.ethnicMinority(), details.meritFamily()), actor);
        }
        return new Result(change, moved.size());
    }

    private Area inForce(String field, String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid(field, "is required for this kind of change");
        }
        Area area = areas.findById(code);
        if (area == null) {
            throw ProblemException.invalid(field, "no administrative unit has code " + code);
        }
        if (area.validTo() != null) {
            throw ProblemException.invalid(field, code + " no longer exists; it was merged into "
                    + area.successorCode());
        }
        return area;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AreaChange> history(String code) {
        areaService.get(code);
        return areas.changes(code);
    }
}
