package vn.ansinh.benefits.domain;

import java.util.UUID;

/** What to look for among entitlements; null means any. */
public record EntitlementFilter(UUID householdId, String programmeCode, String period, Entitlement.Status status) {
}
