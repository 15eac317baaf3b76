package vn.ansinh.benefits.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import vn.ansinh.benefits.domain.FundingSource;
import vn.ansinh.benefits.domain.Payment;
import vn.ansinh.benefits.domain.PaymentCycle;
import vn.ansinh.benefits.domain.PaymentMismatch;

@ApplicationScoped
public class PaymentRepository {

    private final EntityManager entityManager;

    public PaymentRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void persist(Object entity) {
        entityManager.persist(entity);
        entityManager.flush();
    }

    public Optional<PaymentCycle> lockCycle(UUID id) {
        return Optional.ofNullable(entityManager.find(PaymentCycle.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<PaymentCycle> cycle(UUID id) {
        return Optional.ofNullable(entityManager.find(PaymentCycle.class, id));
    }

    public Optional<Payment> lockPayment(UUID id) {
        return Optional.ofNullable(entityManager.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Adds to a cycle a payment for every active entitlement of the programme and period that
     * this source has a share of and has not been taken into a cycle yet — in one statement,
     * however many there are. The unique (entitlement, source) key makes a second inclusion
     * impossible. Returns the count and the total.
     */
    public long[] addDuePayments(PaymentCycle cycle, Instant at, String actor) {
        String share = cycle.fundingSource() == FundingSource.CENTRAL ? "e.state_vnd" : "e.province_vnd";
        String sql = "INSERT INTO payment (id, cycle_id, entitlement_id, funding_source, household_id, member_id,"
                + " amount_vnd, status, updated_at, updated_by)"
                + " SELECT gen_random_uuid(), ?1, e.id, ?2, e.household_id, e.member_id, " + share + ", 'PENDING', ?3, ?4"
                + " FROM entitlement e JOIN household h ON h.id = e.household_id"
                + " WHERE e.programme_code = ?5 AND e.period = ?6 AND e.status = 'ACTIVE' AND " + share + " > 0"
                + (cycle.districtCode() == null ? "" : " AND h.district_code = ?7")
                + " AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.entitlement_id = e.id AND p.funding_source = ?2)"
                + " ON CONFLICT DO NOTHING";
        var insert = entityManager.createNativeQuery(sql).setParameter(1, cycle.id())
                .setParameter(2, cycle.fundingSource().name()).setParameter(3, at).setParameter(4, actor)
                .setParameter(5, cycle.programmeCode()).setParameter(6, cycle.period());
        if (cycle.districtCode() != null) {
            insert.setParameter(7, cycle.districtCode());
        }
        insert.executeUpdate();
        Object[] totals = (Object[]) entityManager.createNativeQuery(
                "SELECT count(*), coalesce(sum(amount_vnd), 0) FROM payment WHERE cycle_id = ?1")
                .setParameter(1, cycle.id()).getSingleResult();
        return new long[] {((Number) totals[0]).longValue(), ((Number) totals[1]).longValue()};
    }

    public void deletePayments(UUID cycleId) {
        entityManager.createQuery("delete from Payment p where p.cycleId = :cycle").setParameter("cycle", cycleId)
                .executeUpdate();
    }

    /** The payments of a cycle not paid and not stopped, locked. */
    public List<Payment> lockOpen(UUID cycleId) {
        return entityManager.createQuery("select p from Payment p where p.cycleId = :cycle and p.status in :open"
                + " order by p.id", Payment.class).setParameter("cycle", cycleId)
                .setParameter("open", List.of(Payment.Status.PENDING, Payment.Status.FAILED))
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public long unpaid(UUID cycleId) {
        return entityManager.createQuery("select count(p) from Payment p where p.cycleId = :cycle and p.status in :open",
                Long.class).setParameter("cycle", cycleId)
                .setParameter("open", List.of(Payment.Status.PENDING, Payment.Status.FAILED)).getSingleResult();
    }

    public List<Payment> ofCycle(UUID cycleId, Payment.Status status, int page, int size) {
        String where = "p.cycleId = :cycle" + (status == null ? "" : " and p.status = :status");
        var query = entityManager.createQuery("select p from Payment p where " + where + " order by p.id", Payment.class)
                .setParameter("cycle", cycleId);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public List<PaymentCycle> cycles(int page, int size) {
        return entityManager.createQuery("select c from PaymentCycle c order by c.preparedAt desc", PaymentCycle.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<PaymentMismatch> mismatches(int page, int size) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT p.id, e.id, e.programme_code, e.period, e.household_id, e.member_id, p.funding_source,
                       p.amount_vnd, p.status, e.ended_on, e.period_end, e.end_reason
                FROM payment p JOIN entitlement e ON e.id = p.entitlement_id
                JOIN payment_cycle c ON c.id = p.cycle_id
                WHERE e.status = 'ENDED' AND e.ended_on < e.period_end AND c.status <> 'CANCELLED' AND p.status <> 'STOPPED'
                ORDER BY e.ended_on, p.id""").setFirstResult(page * size).setMaxResults(size).getResultList();
        return rows.stream().map(r -> new PaymentMismatch((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                (UUID) r[5], (String) r[6], ((Number) r[7]).longValue(), (String) r[8], toDate(r[9]), toDate(r[10]),
                (String) r[11])).toList();
    }

    private static java.time.LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (java.time.LocalDate) value;
    }
}
