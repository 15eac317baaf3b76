package vn.ansinh.benefits.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** The payment of one entitlement's share from one funding source: pending, paid or failed (and retried). */
@Entity
public class Payment {

    public enum Status {
        PENDING, PAID, FAILED, STOPPED
    }

    @Id
    private UUID id;
    private UUID cycleId;
    private UUID entitlementId;
    @Enumerated(EnumType.STRING)
    private FundingSource fundingSource;
    private UUID householdId;
    private UUID memberId;
    private long amountVnd;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private String reference;
    private String failureReason;
    private Instant updatedAt;
    private String updatedBy;

    protected Payment() {
        // for Hibernate
    }

    public Payment(UUID id, UUID cycleId, Entitlement entitlement, FundingSource source, Instant at, String actor) {
        this.id = id;
        this.cycleId = cycleId;
        this.entitlementId = entitlement.id();
        this.fundingSource = source;
        this.householdId = entitlement.householdId();
        this.memberId = entitlement.memberId();
        this.amountVnd = source.shareOf(entitlement);
        this.status = Status.PENDING;
        this.updatedAt = at;
        this.updatedBy = actor;
    }

    public void paid(String reference, Instant at, String actor) {
        this.status = Status.PAID;
        this.attempts++;
        this.reference = reference;
        this.failureReason = null;
        this.updatedAt = at;
        this.updatedBy = actor;
    }

    public void failed(String reason, Instant at, String actor) {
        this.status = Status.FAILED;
        this.attempts++;
        this.failureReason = reason;
        this.updatedAt = at;
        this.updatedBy = actor;
    }

    /** Not to be paid after all (its entitlement ended); the reason is kept where a failure's would be. */
    public void stop(String reason, Instant at, String actor) {
        this.status = Status.STOPPED;
        this.failureReason = reason;
        this.updatedAt = at;
        this.updatedBy = actor;
    }

    public UUID id() {
        return id;
    }

    public UUID cycleId() {
        return cycleId;
    }

    public UUID entitlementId() {
        return entitlementId;
    }

    public FundingSource fundingSource() {
        return fundingSource;
    }

    public UUID householdId() {
        return householdId;
    }

    public UUID memberId() {
        return memberId;
    }

    public long amountVnd() {
        return amountVnd;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String reference() {
        return reference;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
