package vn.ansinh.households.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A household's answers to one annual survey and the classification they produced, with the
 * commune the household was in that year (so that later re-mapping of units keeps history).
 */
@Entity
public class Survey {

    /** Newly escaped poverty is kept for this many survey years, the escape year included. */
    public static final int NEWLY_ESCAPED_YEARS = 3;

    @Embeddable
    public record Key(UUID householdId, int year) {
    }

    @EmbeddedId
    private Key key;
    private long incomePerPersonMonth;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private String[] deprivations;
    private String areaCode;
    private boolean urban;
    private String standardId;
    @Enumerated(EnumType.STRING)
    private PovertyCategory category;
    private int deprivationCount;
    @Enumerated(EnumType.STRING)
    private PovertyCategory previousCategory;
    private Integer newlyEscapedSince;
    private String reason;
    private Instant recordedAt;
    private String recordedBy;

    protected Survey() {
        // for Hibernate
    }

    /** The answers of a survey, as collected. */
    public record Answers(long incomePerPersonMonth, Set<String> deprivations) {

        public Answers {
            deprivations = Set.copyOf(deprivations);
        }
    }

    public Survey(UUID householdId, int year) {
        this.key = new Key(householdId, year);
    }

    /**
     * Records answers and their classification; derives newly-escaped status from the previous
     * survey (null when this is the household's first).
     *
     * @return false when the survey already held exactly this
     */
    public boolean record(Answers answers, String areaCode, boolean urban, Classification classification,
            Survey previous, Instant at, String actor) {
        PovertyCategory previousCategory = previous == null ? null : previous.category;
        Integer escapedSince = newlyEscapedSince(classification.category(), previous);
        boolean unchanged = answers.equals(answers()) && areaCode.equals(this.areaCode) && urban == this.urban
                && classification.category() == category && classification.standardId().equals(standardId)
                && previousCategory == this.previousCategory && Objects.equals(escapedSince, newlyEscapedSince);
        if (unchanged) {
            return false;
        }
        this.incomePerPersonMonth = answers.incomePerPersonMonth();
        this.deprivations = new TreeSet<>(answers.deprivations()).toArray(String[]::new);
        this.areaCode = areaCode;
        this.urban = urban;
        this.standardId = classification.standardId();
        this.category = classification.category();
        this.deprivationCount = classification.deprivationCount();
        this.previousCategory = previousCategory;
        this.newlyEscapedSince = escapedSince;
        this.reason = classification.reason();
        this.recordedAt = at;
        this.recordedBy = actor;
        return true;
    }

    /**
     * Poor or near-poor at the previous survey and above the near-poor line now: newly escaped
     * from this year; still above the line later: newly escaped since then, for at most
     * {@value #NEWLY_ESCAPED_YEARS} survey years.
     */
    private Integer newlyEscapedSince(PovertyCategory now, Survey previous) {
        if (now.isPoorOrNearPoor() || previous == null) {
            return null;
        }
        if (previous.category.isPoorOrNearPoor()) {
            return key.year();
        }
        Integer since = previous.newlyEscapedSince;
        return since != null && key.year() - since < NEWLY_ESCAPED_YEARS ? since : null;
    }

    public Answers answers() {
        return deprivations == null ? null : new Answers(incomePerPersonMonth, Set.of(deprivations));
    }

    public UUID householdId() {
        return key.householdId();
    }

    public int year() {
        return key.year();
    }

    public long incomePerPersonMonth() {
        return incomePerPersonMonth;
    }

    public Set<String> deprivations() {
        return new TreeSet<>(Arrays.asList(deprivations));
    }

    public String areaCode() {
        return areaCode;
    }

    public boolean urban() {
        return urban;
    }

    public String standardId() {
        return standardId;
    }

    public PovertyCategory category() {
        return category;
    }

    public int deprivationCount() {
        return deprivationCount;
    }

    public PovertyCategory previousCategory() {
        return previousCategory;
    }

    public Integer newlyEscapedSince() {
        return newlyEscapedSince;
    }

    public boolean newlyEscaped() {
        return newlyEscapedSince != null;
    }

    public String reason() {
        return reason;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
