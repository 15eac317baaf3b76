package vn.ansinh.benefits.messaging;

import java.util.UUID;

/**
 * What benefits-service publishes about money: payments on {@value #PAYMENT_TOPIC} (keyed by
 * household id) and budget execution on {@value #BUDGET_TOPIC} (keyed by programme/year/source,
 * each message the account's full state). Contracts in {@code contracts/events/}.
 */
public final class PaymentEvents {

    public static final String PAYMENT_TOPIC = "benefits.payment.v1";
    public static final String PAID = "payment.paid";
    public static final String FAILED = "payment.failed";
    public static final String STOPPED = "payment.stopped";
    public static final String BUDGET_TOPIC = "benefits.budget.v1";
    public static final String BUDGET_CHANGED = "budget.changed";

    private PaymentEvents() {
    }

    public record PaymentState(UUID paymentId, UUID cycleId, UUID entitlementId, String programme, String period,
            String fundingSource, UUID householdId, UUID memberId, long amountVnd, String status, int attempts,
            String reference, String failureReason) {
    }

    public record BudgetState(String programme, int year, String fundingSource, long allocatedVnd, long committedVnd,
            long paidVnd, long remainingVnd) {
    }
}
