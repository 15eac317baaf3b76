package vn.ansinh.reporting.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.ansinh.reporting.domain.AreaCount;

/**
 * The registered-households read model. Plain SQL: it is counters and upserts, not aggregates
 * with behaviour, and it must stay fast when a whole province is imported.
 */
@ApplicationScoped
public class RegisteredHouseholdsRepository {

    private final EntityManager entityManager;

    public RegisteredHouseholdsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return false when the household was already counted */
    public boolean placeHousehold(UUID householdId, String areaCode) {
        return entityManager.createNativeQuery(
                "INSERT INTO household_area (household_id, area_code) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, householdId).setParameter(2, areaCode).executeUpdate() == 1;
    }

    public void addToArea(String areaCode, long delta) {
        entityManager.createNativeQuery("""
                INSERT INTO area_households (area_code, households) VALUES (?1, ?2)
                ON CONFLICT (area_code) DO UPDATE SET households = area_households.households + EXCLUDED.households
                """).setParameter(1, areaCode).setParameter(2, delta).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<AreaCount> byArea() {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT area_code, households FROM area_households ORDER BY area_code")
                .getResultList();
        return rows.stream().map(r -> new AreaCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }
}
