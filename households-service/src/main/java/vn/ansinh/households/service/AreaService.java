package vn.ansinh.households.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.households.domain.Area;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.households.messaging.HouseholdEvents.AreaChanged;
import vn.ansinh.households.repository.AreaRepository;
import vn.ansinh.platform.outbox.Outbox;
import vn.ansinh.platform.problem.ProblemException;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AreaService {

    private final AreaRepository areas;
    private final Outbox outbox;

    public AreaService(AreaRepository areas, Outbox outbox) {
        this.areas = areas;
        this.outbox = outbox;
    }

    /** Publishes the units never published yet (those seeded by migrations); returns how many. */
    @Transactional
    public int announcePending() {
        List<Area> pending = areas.notAnnounced();
        outbox.appendAll(pending.stream().map(AreaService::changed).toList());
        pending.forEach(Area::markAnnounced);
        return pending.size();
    }

    /** Publishes a unit's state after a change, in the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Area area) {
        Outbox.NewEvent event = changed(area);
        outbox.append(event.topic(), event.key(), event.type(), event.payload());
        area.markAnnounced();
    }

    private static Outbox.NewEvent changed(Area area) {
        return new Outbox.NewEvent(HouseholdEvents.AREA_TOPIC, area.code(), HouseholdEvents.AREA_CHANGED,
                new AreaChanged(area.code(), area.name(), area.level().name(), area.parentCode(), area.urban(),
                        area.validFrom(), area.validTo(), area.successorCode()));
    }

    public java.util.Optional<Area> find(String code) {
        return areas.findByIdOptional(code);
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

    /** Whether the unit is {@code scope} or lies within it; a null scope (the province) holds everything. */
    public boolean within(String areaCode, String scope) {
        if (scope == null) {
            return true;
        }
        for (String code = areaCode; code != null; ) {
            if (code.equals(scope)) {
                return true;
            }
            Area area = areas.findById(code);
            code = area == null ? null : area.parentCode();
        }
        return false;
    }

    public List<Area> children(String parentCode) {
        return areas.children(parentCode);
    }

    public List<Area> byLevel(Area.Level level) {
        return areas.byLevel(level);
    }
}
