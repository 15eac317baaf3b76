package vn.ansinh.households.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;

/**
 * The national poverty standard of a period (e.g. Decree 07/2021/NĐ-CP for 2022–2025): income
 * lines for rural and urban areas and the deprivation indicators. Kept as data so that a new
 * period is added without a change of code.
 */
@Entity
public class PovertyStandard {

    @Id
    private String id;
    private String name;
    private String legalBasis;
    private int firstSurveyYear;
    private int lastSurveyYear;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "extremePoor", column = @Column(name = "rural_extreme_poor_income")),
        @AttributeOverride(name = "poor", column = @Column(name = "rural_poor_income")),
        @AttributeOverride(name = "nearPoor", column = @Column(name = "rural_near_poor_income")),
        @AttributeOverride(name = "average", column = @Column(name = "rural_average_income"))})
    private IncomeLines rural;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "extremePoor", column = @Column(name = "urban_extreme_poor_income")),
        @AttributeOverride(name = "poor", column = @Column(name = "urban_poor_income")),
        @AttributeOverride(name = "nearPoor", column = @Column(name = "urban_near_poor_income")),
        @AttributeOverride(name = "average", column = @Column(name = "urban_average_income"))})
    private IncomeLines urban;
    private int minDeprivationsPoor;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deprivation_indicator", joinColumns = @JoinColumn(name = "standard_id"))
    @OrderBy("ordinal")
    private List<DeprivationIndicator> indicators = new ArrayList<>();
    private Instant createdAt;
    private String createdBy;

    protected PovertyStandard() {
        // for Hibernate
    }

    public PovertyStandard(String id, String name, String legalBasis, int firstSurveyYear, int lastSurveyYear,
            IncomeLines rural, IncomeLines urban, int minDeprivationsPoor, List<DeprivationIndicator> indicators,
            Instant createdAt, String createdBy) {
        this.id = id;
        this.name = name;
        this.legalBasis = legalBasis;
        this.firstSurveyYear = firstSurveyYear;
        this.lastSurveyYear = lastSurveyYear;
        this.rural = rural;
        this.urban = urban;
        this.minDeprivationsPoor = minDeprivationsPoor;
        this.indicators = new ArrayList<>(indicators);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /**
     * Classifies a household from its survey answers. Both conditions of a row must hold
     * ("và", Decree 07/2021 Art. 3): a household above the poor line is never poor, however many
     * indicators it lacks.
     *
     * @param income average income per person per month, VND
     * @param deprived codes of the indicators the household is deprived in (all of this standard)
     */
    public Classification classify(long income, Set<String> deprived, boolean urbanArea) {
        IncomeLines lines = urbanArea ? urban : rural;
        String area = urbanArea ? "thành thị" : "nông thôn";
        int count = deprived.size();
        String deprivations = "thiếu hụt " + count + "/" + indicators.size() + " chỉ số";
        PovertyCategory category;
        String why;
        if (lines.extremePoor() != null && income <= lines.extremePoor()) {
            category = PovertyCategory.POOR;
            why = "thu nhập " + vnd(income) + " ≤ " + vnd(lines.extremePoor()) + " (" + area + ")";
        } else if (income <= lines.poor() && count >= minDeprivationsPoor) {
            category = PovertyCategory.POOR;
            why = "thu nhập " + vnd(income) + " ≤ " + vnd(lines.poor()) + " (" + area + ") và " + deprivations
                    + " (≥ " + minDeprivationsPoor + ")";
        } else if (income <= lines.nearPoor()) {
            category = PovertyCategory.NEAR_POOR;
            why = "thu nhập " + vnd(income) + " ≤ " + vnd(lines.nearPoor()) + " (" + area + ")"
                    + (income <= lines.poor() ? " và " + deprivations + " (< " + minDeprivationsPoor + ")" : "");
        } else if (income <= lines.average()) {
            category = PovertyCategory.AVERAGE_LIVING_STANDARD;
            why = vnd(lines.nearPoor()) + " < thu nhập " + vnd(income) + " ≤ " + vnd(lines.average()) + " (" + area + ")";
        } else {
            category = PovertyCategory.NOT_POOR;
            why = "thu nhập " + vnd(income) + " > " + vnd(lines.average()) + " (" + area + ")";
        }
        return new Classification(category, count, id, category.label() + ": " + why + " — " + legalBasis);
    }

    /** The codes among {@code codes} that this standard does not have, sorted. */
    public List<String> unknownIndicators(Set<String> codes) {
        Set<String> known = indicatorCodes();
        return codes.stream().filter(code -> !known.contains(code)).sorted().toList();
    }

    public Set<String> indicatorCodes() {
        return Set.copyOf(indicators.stream().map(DeprivationIndicator::code).toList());
    }

    public boolean covers(int surveyYear) {
        return surveyYear >= firstSurveyYear && surveyYear <= lastSurveyYear;
    }

    /**
     * An amount as Vietnamese write it, "1.500.000 đ". Grouped here rather than by a NumberFormat
     * for vi-VN: building one for each of the two amounts of every survey's reason took about a
     * twentieth of the registry's CPU during a province import.
     */
    static String vnd(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder text = new StringBuilder(digits.length() + 8);
        if (amount < 0) {
            text.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                text.append('.');
            }
            text.append(digits.charAt(i));
        }
        return text.append(" đ").toString();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public int firstSurveyYear() {
        return firstSurveyYear;
    }

    public int lastSurveyYear() {
        return lastSurveyYear;
    }

    public IncomeLines rural() {
        return rural;
    }

    public IncomeLines urban() {
        return urban;
    }

    public int minDeprivationsPoor() {
        return minDeprivationsPoor;
    }

    public List<DeprivationIndicator> indicators() {
        return List.copyOf(indicators);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
