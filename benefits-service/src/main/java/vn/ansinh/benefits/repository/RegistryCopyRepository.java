package vn.ansinh.benefits.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import vn.ansinh.benefits.domain.Classification;
import vn.ansinh.benefits.domain.Entitlement;
import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.domain.Member;
import vn.ansinh.platform.db.CopyIn;

/**
 * This service's copy of the registry, read and written a batch of the registry's events at a
 * time: loads everything it holds about the batch's households at once (one native query per
 * table, the ids as one array parameter) and writes the households, members and
 * classifications the batch created with COPY. Existing rows change through their entities.
 */
@ApplicationScoped
public class RegistryCopyRepository {

    public record Rows(List<Household> households, List<Member> members, List<Classification> classifications,
            List<Entitlement> entitlements) {
    }

    private final EntityManager entityManager;

    public RegistryCopyRepository(EntityManager entityManager) {
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
         * while they grow to millions of rows. And by index whatever the statistics say: while a
         * province is first loaded the tables grow faster than autovacuum analyses them, and
         * without statistics of household_id the planner takes a batch's ids to match the whole
         * table and reads it all (105 ms at 835,000 members instead of 9 ms, measured).
         */
        settings("force_custom_plan", "off");
        List<Household> households = load(Household.class, "household", "id", ids);
        // members, classifications and entitlements only of households copied already: a batch of
        // registrations (most of a province's load) needs one query instead of four
        UUID[] known = households.stream().map(Household::id).toArray(UUID[]::new);
        Rows rows = known.length == 0 ? new Rows(households, List.of(), List.of(), List.of())
                : new Rows(households, load(Member.class, "member", "household_id", known),
                        load(Classification.class, "classification", "household_id", known),
                        load(Entitlement.class, "entitlement", "household_id", known));
        settings("auto", "on");
        return rows;
    }

    /** Both settings in one round trip; {@code SET LOCAL}'s, for this transaction only. */
    private void settings(String planCacheMode, String seqScan) {
        entityManager.createNativeQuery("SELECT set_config('plan_cache_mode', ?1, true), set_config('enable_seqscan', ?2, true)")
                .setParameter(1, planCacheMode).setParameter(2, seqScan).getSingleResult();
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

    /**
     * Inserts rows created by a batch, in their state at its end (a batch may register a
     * household and classify it, or a member may join and leave; an entitlement granted may end).
     * One COPY per table instead of an entity insert per row: the whole province is 2.6 million
     * rows and 0.19 million entitlements (their inserts through Hibernate were a tenth of the
     * consumer's CPU).
     */
    public void insert(List<Household> households, List<Member> members, List<Classification> classifications,
            List<Entitlement> entitlements) {
        CopyIn householdRows = new CopyIn("household", "id", "code", "area_code", "district_code", "urban",
                "ethnic_minority", "merit_family", "registered_at", "updated_at");
        for (Household h : households) {
            householdRows.row(h.id(), h.code(), h.areaCode(), h.districtCode(), h.urban(), h.ethnicMinority(),
                    h.meritFamily(), h.registeredAt(), h.updatedAt());
        }
        CopyIn memberRows = new CopyIn("member", "id", "household_id", "full_name", "citizen_id", "date_of_birth",
                "sex", "relation_to_head", "disability", "school_enrolled", "social_protection_type", "active",
                "left_on", "updated_at");
        for (Member m : members) {
            memberRows.row(m.id(), m.householdId(), m.fullName(), m.citizenId(), m.dateOfBirth(), m.sex(),
                    m.relationToHead(), m.disability(), m.schoolEnrolled(), m.socialProtectionType(), m.active(),
                    m.leftOn(), m.updatedAt());
        }
        CopyIn classificationRows = new CopyIn("classification", "household_id", "year", "category",
                "previous_category", "newly_escaped_since", "deprivation_count", "area_code", "district_code",
                "classified_at");
        for (Classification c : classifications) {
            classificationRows.row(c.householdId(), c.year(), c.category(), c.previousCategory(),
                    c.newlyEscapedSince(), c.deprivationCount(), c.areaCode(), c.districtCode(), c.classifiedAt());
        }
        CopyIn entitlementRows = new CopyIn("entitlement", "id", "programme_code", "household_id", "member_id",
                "beneficiary_id", "period", "period_start", "period_end", "survey_year", "standing", "amount_vnd",
                "state_vnd", "province_vnd", "status", "ended_on", "end_reason", "created_at", "updated_at");
        for (Entitlement e : entitlements) {
            entitlementRows.row(e.id(), e.programmeCode(), e.householdId(), e.memberId(), e.beneficiaryId(),
                    e.period(), e.periodStart(), e.periodEnd(), e.surveyYear(), e.standing(), e.amountVnd(),
                    e.stateVnd(), e.provinceVnd(), e.status(), e.endedOn(), e.endReason(), e.createdAt(),
                    e.updatedAt());
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            householdRows.send(connection);
            memberRows.send(connection);
            classificationRows.send(connection);
            entitlementRows.send(connection);
        });
    }
}
