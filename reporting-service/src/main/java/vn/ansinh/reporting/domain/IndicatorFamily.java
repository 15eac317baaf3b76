package vn.ansinh.reporting.domain;

/** Indicators computed together, and the reporting topic each family is published on. */
public enum IndicatorFamily {

    /** poor and near-poor households, for all households, ethnic-minority and merit families */
    POVERTY("reporting.poverty-rate.v1"),
    /** health-insurance cards of poor and near-poor people */
    COVERAGE("reporting.benefit-coverage.v1"),
    /** loans, houses and training delivered */
    SUPPORT("reporting.support-delivered.v1"),
    /** budget execution per programme and funding source */
    BUDGET("reporting.budget-execution.v1");

    /** The "year" of a change that touches every year (an area renamed, a loan repaid). */
    public static final int EVERY_YEAR = 0;

    private final String topic;

    IndicatorFamily(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
