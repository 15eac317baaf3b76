package vn.ansinh.reporting.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.ansinh.reporting.domain.AreaCount;

/** Registered households per commune, counted from where each household lives now. */
@ApplicationScoped
public class RegisteredHouseholdsRepository {

    private final EntityManager entityManager;

    public RegisteredHouseholdsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @SuppressWarnings("unchecked")
    public List<AreaCount> byArea() {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT area_code, count(*) FROM household_area GROUP BY area_code ORDER BY area_code").getResultList();
        return rows.stream().map(r -> new AreaCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }
}
