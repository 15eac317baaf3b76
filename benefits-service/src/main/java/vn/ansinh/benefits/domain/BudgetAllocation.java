package vn.ansinh.benefits.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** One allocation to a budget (the estimate, a supplement, a donation), as recorded. */
@Entity
public class BudgetAllocation {

    @Id
    private UUID id;
    private String programmeCode;
    private int year;
    @Enumerated(EnumType.STRING)
    private FundingSource fundingSource;
    private long amountVnd;
    private String reference;
    private Instant recordedAt;
    private String recordedBy;

    protected BudgetAllocation() {
        // for Hibernate
    }

    public BudgetAllocation(UUID id, BudgetAccount.Key account, long amountVnd, String reference, Instant recordedAt,
            String recordedBy) {
        this.id = id;
        this.programmeCode = account.programmeCode();
        this.year = account.year();
        this.fundingSource = account.fundingSource();
        this.amountVnd = amountVnd;
        this.reference = reference;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public UUID id() {
        return id;
    }

    public long amountVnd() {
        return amountVnd;
    }

    public String reference() {
        return reference;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
