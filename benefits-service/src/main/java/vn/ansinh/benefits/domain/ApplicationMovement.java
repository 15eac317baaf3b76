package vn.ansinh.benefits.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** Money moved for an application: a disbursement (loan, tranche, course fee) or a repayment. */
@Entity
public class ApplicationMovement {

    public enum Kind {
        DISBURSEMENT, REPAYMENT
    }

    @Id
    private UUID id;
    private UUID applicationId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String label;
    private long amountVnd;
    private LocalDate onDate;
    private Instant recordedAt;
    private String recordedBy;

    protected ApplicationMovement() {
        // for Hibernate
    }

    public ApplicationMovement(UUID id, UUID applicationId, Kind kind, String label, long amountVnd, LocalDate onDate,
            Instant recordedAt, String recordedBy) {
        this.id = id;
        this.applicationId = applicationId;
        this.kind = kind;
        this.label = label;
        this.amountVnd = amountVnd;
        this.onDate = onDate;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public long amountVnd() {
        return amountVnd;
    }

    public LocalDate onDate() {
        return onDate;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
