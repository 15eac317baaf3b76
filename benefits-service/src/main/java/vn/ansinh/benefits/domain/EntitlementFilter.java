package vn.ansinh.benefits.domain;

import java.util.UUID;

/**
 * What to look for among entitlements; null means any.
 *
 * @param area a commune or district code: entitlements of the households there
 */
public record EntitlementFilter(UUID householdId, String area, String programmeCode, String period,
        Entitlement.Status status) {
}
