package vn.ansinh.benefits.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** What a person or household is owed by one programme for one period. */
@Entity
public class Entitlement {

    public enum Status {
        ACTIVE, ENDED
    }

    @Id
    private UUID id;
    private String programmeCode;
    private UUID householdId;
    private UUID memberId;
    private UUID beneficiaryId;
    private String period;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private int surveyYear;
    @Enumerated(EnumType.STRING)
    private Standing standing;
    private long amountVnd;
    private long stateVnd;
    private long provinceVnd;
    @Enumerated(EnumType.STRING)
    private Status status;
    private LocalDate endedOn;
    private String endReason;
    private Instant createdAt;
    private Instant updatedAt;

    protected Entitlement() {
        // for Hibernate
    }

    public Entitlement(UUID id, UUID householdId, int surveyYear, Catalogue.Due due, Instant at) {
        this.id = id;
        this.programmeCode = due.programmeCode();
        this.householdId = householdId;
        this.memberId = due.memberId();
        this.beneficiaryId = due.beneficiaryId();
        this.period = due.period();
        this.periodStart = due.start();
        this.periodEnd = due.end();
        this.createdAt = at;
        grant(surveyYear, due, at);
    }

    /**
     * Makes the entitlement what is due now (again active, with the amounts of the standing).
     *
     * @return false when it already was exactly that
     */
    public boolean grant(int surveyYear, Catalogue.Due due, Instant at) {
        boolean same = status == Status.ACTIVE && this.surveyYear == surveyYear && standing == due.standing()
                && amountVnd == due.amountVnd() && stateVnd == due.stateVnd() && provinceVnd == due.provinceVnd();
        if (same) {
            return false;
        }
        this.surveyYear = surveyYear;
        this.standing = due.standing();
        this.amountVnd = due.amountVnd();
        this.stateVnd = due.stateVnd();
        this.provinceVnd = due.provinceVnd();
        this.status = Status.ACTIVE;
        this.endedOn = null;
        this.endReason = null;
        this.updatedAt = at;
        return true;
    }

    /**
     * Ends the entitlement on a day within its period (on its first day when it had not started:
     * nothing of it is owed).
     */
    public void end(LocalDate on, String reason, Instant at) {
        LocalDate day = on.isBefore(periodStart) ? periodStart : on.isAfter(periodEnd) ? periodEnd : on;
        this.status = Status.ENDED;
        this.endedOn = day;
        this.endReason = Objects.requireNonNull(reason);
        this.updatedAt = at;
    }

    /** The key that may exist once: programme, beneficiary, period. */
    public String key() {
        return programmeCode + '/' + beneficiaryId + '/' + period;
    }

    public UUID id() {
        return id;
    }

    public String programmeCode() {
        return programmeCode;
    }

    public UUID householdId() {
        return householdId;
    }

    public UUID memberId() {
        return memberId;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public String period() {
        return period;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public int surveyYear() {
        return surveyYear;
    }

    public Standing standing() {
        return standing;
    }

    public long amountVnd() {
        return amountVnd;
    }

    public long stateVnd() {
        return stateVnd;
    }

    public long provinceVnd() {
        return provinceVnd;
    }

    public Status status() {
        return status;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public String endReason() {
        return endReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
