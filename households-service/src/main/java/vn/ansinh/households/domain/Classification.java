package vn.ansinh.households.domain;

/** The outcome of classifying one survey answer, with the standard used and the reason in words. */
public record Classification(PovertyCategory category, int deprivationCount, String standardId, String reason) {
}
