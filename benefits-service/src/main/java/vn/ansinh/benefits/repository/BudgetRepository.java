package vn.ansinh.benefits.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import vn.ansinh.benefits.domain.BudgetAccount;
import vn.ansinh.benefits.domain.BudgetAllocation;

@ApplicationScoped
public class BudgetRepository {

    private final EntityManager entityManager;

    public BudgetRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The account, locked until the transaction ends: approvals and allocations queue on it. */
    public Optional<BudgetAccount> lock(BudgetAccount.Key key) {
        return Optional.ofNullable(entityManager.find(BudgetAccount.class, key, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The account, created empty when the first allocation arrives, and locked. */
    public BudgetAccount lockOrCreate(BudgetAccount.Key key) {
        entityManager.createNativeQuery("""
                INSERT INTO budget_account (programme_code, year, funding_source) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""").setParameter(1, key.programmeCode()).setParameter(2, key.year())
                .setParameter(3, key.fundingSource().name()).executeUpdate();
        return lock(key).orElseThrow();
    }

    public void record(BudgetAllocation allocation) {
        entityManager.persist(allocation);
    }

    public List<BudgetAccount> ofYear(int year) {
        return entityManager.createQuery("""
                select a from BudgetAccount a where a.key.year = :year
                order by a.key.programmeCode, a.key.fundingSource""", BudgetAccount.class)
                .setParameter("year", year).getResultList();
    }
}
