package vn.ansinh.benefits.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A batch of payments of one programme, period and funding source; maker prepares, checker approves. */
@Entity
public class PaymentCycle {

    public enum Status {
        PREPARED, APPROVED, CLOSED, CANCELLED
    }

    @Id
    private UUID id;
    private String programmeCode;
    private String period;
    private int year;
    @Enumerated(EnumType.STRING)
    private FundingSource fundingSource;
    private String districtCode;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int paymentCount;
    private long totalVnd;
    private Instant preparedAt;
    private String preparedBy;
    private Instant approvedAt;
    private String approvedBy;

    protected PaymentCycle() {
        // for Hibernate
    }

    public PaymentCycle(UUID id, String programmeCode, String period, FundingSource fundingSource, String districtCode,
            Instant preparedAt, String preparedBy) {
        this.id = id;
        this.programmeCode = programmeCode;
        this.period = period;
        this.year = Integer.parseInt(period.substring(0, 4));
        this.fundingSource = fundingSource;
        this.districtCode = districtCode;
        this.status = Status.PREPARED;
        this.preparedAt = preparedAt;
        this.preparedBy = preparedBy;
    }

    /** The control totals of the payments the cycle holds. */
    public void totals(int count, long total) {
        this.paymentCount = count;
        this.totalVnd = total;
    }

    public void approve(Instant at, String checker) {
        this.status = Status.APPROVED;
        this.approvedAt = at;
        this.approvedBy = checker;
    }

    public void close() {
        this.status = Status.CLOSED;
    }

    public void cancel() {
        this.status = Status.CANCELLED;
    }

    public BudgetAccount.Key budget() {
        return new BudgetAccount.Key(programmeCode, year, fundingSource);
    }

    public UUID id() {
        return id;
    }

    public String programmeCode() {
        return programmeCode;
    }

    public String period() {
        return period;
    }

    public int year() {
        return year;
    }

    public FundingSource fundingSource() {
        return fundingSource;
    }

    public String districtCode() {
        return districtCode;
    }

    public Status status() {
        return status;
    }

    public int paymentCount() {
        return paymentCount;
    }

    public long totalVnd() {
        return totalVnd;
    }

    public Instant preparedAt() {
        return preparedAt;
    }

    public String preparedBy() {
        return preparedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }
}
