package vn.ansinh.benefits.domain;

/** Where a household stands for support, from its category and newly-escaped status. */
public enum Standing {
    POOR, NEAR_POOR, NEWLY_ESCAPED;

    /** @return null for a household that is neither poor, near-poor nor newly escaped */
    public static Standing of(String category, Integer newlyEscapedSince) {
        return switch (category) {
            case "POOR" -> POOR;
            case "NEAR_POOR" -> NEAR_POOR;
            default -> newlyEscapedSince != null ? NEWLY_ESCAPED : null;
        };
    }
}
