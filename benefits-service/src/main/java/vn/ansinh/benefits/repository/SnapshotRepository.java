package vn.ansinh.benefits.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.ansinh.benefits.domain.Classification;
import vn.ansinh.benefits.domain.Entitlement;
import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.domain.Member;

/**
 * Loads everything this service holds about many households at once, for a batch of the
 * registry's events: one native query per table with the ids as one array parameter.
 */
@ApplicationScoped
public class SnapshotRepository {

    public record Rows(List<Household> households, List<Member> members, List<Classification> classifications,
            List<Entitlement> entitlements) {
    }

    private final EntityManager entityManager;

    public SnapshotRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Rows load(Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return new Rows(List.of(), List.of(), List.of(), List.of());
        }
        UUID[] ids = householdIds.toArray(UUID[]::new);
        /*
         * Planned for each batch's ids: the generic plan of a prepared statement, chosen while the
         * tables were small, scans them whole — comparing each row with every id — and sticks
         * while they grow to millions of rows.
         */
        entityManager.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
        Rows rows = new Rows(load(Household.class, "household", "id", ids),
                load(Member.class, "member", "household_id", ids),
                load(Classification.class, "classification", "household_id", ids),
                load(Entitlement.class, "entitlement", "household_id", ids));
        entityManager.createNativeQuery("SET LOCAL plan_cache_mode = DEFAULT").executeUpdate();
        return rows;
    }

    /*
     * The ids travel as one uuid[] parameter: an HQL "in" list would be translated to SQL anew
     * for each batch (a third of the consumer's CPU), and ids as text cast in SQL are parsed
     * again for every row a scan looks at.
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> load(Class<T> entity, String table, String idColumn, UUID[] ids) {
        // table and column are this class's constants
        return entityManager.createNativeQuery("SELECT * FROM " + table + " WHERE " + idColumn + " = ANY(?1)", entity)
                .setParameter(1, ids).getResultList();
    }
}
