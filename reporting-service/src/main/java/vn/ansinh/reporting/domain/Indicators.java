package vn.ansinh.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The values published on the reporting topics, one record per indicator. Each message is the
 * whole current value of one indicator for one area, year (and group), with its counts and
 * denominators, so a dashboard needs nothing else; the publisher adds {@code computedAt}.
 * Schemas: {@code contracts/events/reporting.*}.
 */
public final class Indicators {

    public static final String POVERTY_RATE = "poverty-rate";
    public static final String HEALTH_INSURANCE = "health-insurance-coverage";
    public static final String LOANS = "loans";
    public static final String HOUSING = "housing";
    public static final String TRAINING = "training";
    public static final String BUDGET_EXECUTION = "budget-execution";

    /** All households, ethnic-minority households, families of people with meritorious service. */
    public static final String ALL = "ALL";
    public static final String ETHNIC_MINORITY = "ETHNIC_MINORITY";
    public static final String MERIT_FAMILY = "MERIT_FAMILY";

    private Indicators() {
    }

    /** Where an indicator is about. */
    public record Place(String areaLevel, String areaCode, String areaName, String parentCode) {
    }

    /**
     * Poor and near-poor households among those surveyed in the year, with the change in
     * percentage points from the previous survey year (the difference of the rounded rates, as
     * the department's reports state it).
     */
    public record PovertyRate(String indicator, int year, String group, String areaLevel, String areaCode,
            String areaName, String parentCode, long households, long poor, long nearPoor, BigDecimal poorRatePct,
            BigDecimal nearPoorRatePct, Integer previousYear, BigDecimal poorRateChangePts,
            BigDecimal nearPoorRateChangePts) {
    }

    /** Members of poor and near-poor households (survey of the year) holding that year's health-insurance card. */
    public record HealthInsuranceCoverage(String indicator, int year, String group, String areaLevel,
            String areaCode, String areaName, String parentCode, long people, long covered, BigDecimal coveragePct) {
    }

    /** Preferential loans first disbursed in the year: households, loans, amounts, and what is still owed on them. */
    public record Loans(String indicator, int year, String group, String areaLevel, String areaCode, String areaName,
            String parentCode, long households, long loans, long disbursedVnd, long outstandingVnd) {
    }

    /** Houses whose construction was accepted as complete in the year. */
    public record Housing(String indicator, int year, String group, String areaLevel, String areaCode,
            String areaName, String parentCode, long newBuilt, long repaired) {
    }

    /** People who completed vocational training, and who were placed in a job, in the year. */
    public record Training(String indicator, int year, String group, String areaLevel, String areaCode,
            String areaName, String parentCode, long trained, long placed) {
    }

    /** A programme's budget for a year and funding source ({@code ALL} for the sum of the sources). */
    public record BudgetExecution(String indicator, int year, String group, String areaLevel, String areaCode,
            String areaName, String parentCode, String programme, String fundingSource, long allocatedVnd,
            long committedVnd, long paidVnd, long remainingVnd, BigDecimal paidPct) {
    }

    /** {@code part} as a percentage of {@code whole}, two decimals, half up; null when there is no whole. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }
}
