package vn.ansinh.benefits.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An application for a programme that is applied for: a preferential loan, a house to build or
 * repair, a vocational course, livelihood support. Its steps depend on the programme; each step
 * that moves money is a {@link ApplicationMovement}.
 */
@Entity
public class Application {

    public enum Status {
        SUBMITTED, APPROVED, REJECTED, DISBURSED, IN_PROGRESS, COMPLETED, PLACED
    }

    /** Construction stages of a house and the share of the grant each releases. */
    public enum Stage {
        FOUNDATION(30), WALLS_AND_ROOF(40), COMPLETED(30);

        final int pct;

        Stage(int pct) {
            this.pct = pct;
        }
    }

    @Id
    private UUID id;
    private String programmeCode;
    private UUID householdId;
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    private Standing standing;
    @Enumerated(EnumType.STRING)
    private FundingSource fundingSource;
    private long amountVnd;
    private String kind;
    private Integer termMonths;
    private Integer rateBp;
    @Enumerated(EnumType.STRING)
    private Status status;
    private long disbursedVnd;
    private long repaidVnd;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private String[] stagesAccepted = new String[0];
    private String employer;
    private String note;
    private Instant submittedAt;
    private String submittedBy;
    private Instant decidedAt;
    private String decidedBy;
    private Instant updatedAt;

    protected Application() {
        // for Hibernate
    }

    public Application(UUID id, String programmeCode, UUID householdId, UUID memberId, Standing standing,
            FundingSource fundingSource, long amountVnd, String kind, Integer termMonths, Integer rateBp, Instant at,
            String actor) {
        this.id = id;
        this.programmeCode = programmeCode;
        this.householdId = householdId;
        this.memberId = memberId;
        this.standing = standing;
        this.fundingSource = fundingSource;
        this.amountVnd = amountVnd;
        this.kind = kind;
        this.termMonths = termMonths;
        this.rateBp = rateBp;
        this.status = Status.SUBMITTED;
        this.submittedAt = at;
        this.submittedBy = actor;
        this.updatedAt = at;
    }

    public void decide(boolean approve, String note, Instant at, String actor) {
        this.status = approve ? Status.APPROVED : Status.REJECTED;
        this.note = note;
        this.decidedAt = at;
        this.decidedBy = actor;
        this.updatedAt = at;
    }

    public void disbursed(long amount, Status next, Instant at) {
        this.disbursedVnd += amount;
        this.status = next;
        this.updatedAt = at;
    }

    public void stageAccepted(Stage stage, long amount, Instant at) {
        List<String> stages = new ArrayList<>(Arrays.asList(stagesAccepted));
        stages.add(stage.name());
        this.stagesAccepted = stages.toArray(String[]::new);
        disbursed(amount, stage == Stage.COMPLETED ? Status.COMPLETED : Status.IN_PROGRESS, at);
    }

    public void repaid(long amount, Instant at) {
        this.repaidVnd += amount;
        if (repaidVnd == disbursedVnd) {
            this.status = Status.COMPLETED;
        }
        this.updatedAt = at;
    }

    public void completed(Instant at) {
        this.status = Status.COMPLETED;
        this.updatedAt = at;
    }

    public void placed(String employer, Instant at) {
        this.status = Status.PLACED;
        this.employer = employer;
        this.updatedAt = at;
    }

    /** The tranche a construction stage releases; the last takes what rounding left. */
    public long trancheOf(Stage stage) {
        if (stage == Stage.COMPLETED) {
            return amountVnd - disbursedVnd;
        }
        return BigDecimal.valueOf(amountVnd).multiply(BigDecimal.valueOf(stage.pct))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The stage that must be accepted next, or null when the house is finished. */
    public Stage nextStage() {
        int accepted = stagesAccepted.length;
        return accepted < Stage.values().length ? Stage.values()[accepted] : null;
    }

    /** One month of a loan's schedule: equal principal, interest on what is outstanding. */
    public record Instalment(int number, LocalDate due, long principalVnd, long interestVnd, long outstandingAfterVnd) {
    }

    /** The schedule of a disbursed loan from its disbursement date. */
    public List<Instalment> schedule(LocalDate disbursedOn) {
        List<Instalment> schedule = new ArrayList<>();
        long outstanding = disbursedVnd;
        long principal = disbursedVnd / termMonths;
        for (int n = 1; n <= termMonths; n++) {
            long part = n == termMonths ? outstanding : principal;
            long interest = BigDecimal.valueOf(outstanding).multiply(BigDecimal.valueOf(rateBp))
                    .divide(BigDecimal.valueOf(10_000L * 12), 0, RoundingMode.HALF_UP).longValueExact();
            outstanding -= part;
            schedule.add(new Instalment(n, disbursedOn.plusMonths(n), part, interest, outstanding));
        }
        return schedule;
    }

    public long outstandingVnd() {
        return disbursedVnd - repaidVnd;
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

    public Standing standing() {
        return standing;
    }

    public FundingSource fundingSource() {
        return fundingSource;
    }

    public long amountVnd() {
        return amountVnd;
    }

    public String kind() {
        return kind;
    }

    public Integer termMonths() {
        return termMonths;
    }

    public Integer rateBp() {
        return rateBp;
    }

    public Status status() {
        return status;
    }

    public long disbursedVnd() {
        return disbursedVnd;
    }

    public long repaidVnd() {
        return repaidVnd;
    }

    public List<String> stagesAccepted() {
        return List.of(stagesAccepted);
    }

    public String employer() {
        return employer;
    }

    public String note() {
        return note;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }
}
