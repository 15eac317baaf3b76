package vn.ansinh.benefits.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A programme's budget for a year from one funding source: allocated, committed, paid. */
@Entity
public class BudgetAccount {

    @Embeddable
    public record Key(String programmeCode, int year, @Enumerated(EnumType.STRING) FundingSource fundingSource) {
    }

    @EmbeddedId
    private Key key;
    private long allocatedVnd;
    private long committedVnd;
    private long paidVnd;

    protected BudgetAccount() {
        // for Hibernate
    }

    public BudgetAccount(Key key) {
        this.key = key;
    }

    public void allocate(long amount) {
        allocatedVnd = Math.addExact(allocatedVnd, amount);
    }

    /** What is neither committed nor paid. */
    public long remainingVnd() {
        return allocatedVnd - committedVnd - paidVnd;
    }

    /** Commits an approved cycle's total; false (and nothing changed) when it exceeds what remains. */
    public boolean commit(long amount) {
        if (amount > remainingVnd()) {
            return false;
        }
        committedVnd += amount;
        return true;
    }

    /** A committed payment was made. */
    public void pay(long amount) {
        committedVnd -= amount;
        paidVnd += amount;
    }

    /** A committed amount is no longer going to be paid (its cycle was cancelled, or a payment stopped). */
    public void release(long amount) {
        committedVnd -= amount;
    }

    public Key key() {
        return key;
    }

    public long allocatedVnd() {
        return allocatedVnd;
    }

    public long committedVnd() {
        return committedVnd;
    }

    public long paidVnd() {
        return paidVnd;
    }
}
