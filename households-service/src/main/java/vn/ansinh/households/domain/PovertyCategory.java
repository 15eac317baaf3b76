package vn.ansinh.households.domain;

/** Where a survey puts a household under the poverty standard of its year. */
public enum PovertyCategory {
    POOR("Hộ nghèo"),
    NEAR_POOR("Hộ cận nghèo"),
    AVERAGE_LIVING_STANDARD("Hộ có mức sống trung bình"),
    NOT_POOR("Hộ không nghèo");

    private final String label;

    PovertyCategory(String label) {
        this.label = label;
    }

    /** The Vietnamese name officers and reports use. */
    public String label() {
        return label;
    }

    /** Poor or near-poor: the households that escaping poverty is counted from. */
    public boolean isPoorOrNearPoor() {
        return this == POOR || this == NEAR_POOR;
    }
}
