package vn.ansinh.benefits.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of the inspection report: a payment made (to recover) or pending (to stop) for an
 * entitlement that ended before the end of its period.
 */
public record PaymentMismatch(UUID paymentId, UUID entitlementId, String programme, String period, UUID householdId,
        UUID memberId, String fundingSource, long amountVnd, String paymentStatus, LocalDate endedOn,
        LocalDate periodEnd, String endReason) {
}
