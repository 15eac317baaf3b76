package vn.ansinh.benefits.messaging;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What benefits-service publishes on {@value #TOPIC}, keyed by household id; contracts in
 * {@code contracts/events/benefits.entitlement.v1/}.
 */
public final class EntitlementEvents {

    public static final String TOPIC = "benefits.entitlement.v1";
    public static final String GRANTED = "entitlement.granted";
    public static final String CHANGED = "entitlement.changed";
    public static final String ENDED = "entitlement.ended";

    private EntitlementEvents() {
    }

    /** The entitlement's full state after the change: each event is enough on its own. */
    public record EntitlementState(UUID entitlementId, String programme, UUID householdId, UUID memberId,
            String period, LocalDate periodStart, LocalDate periodEnd, int surveyYear, String standing,
            long amountVnd, long stateVnd, long provinceVnd, String status, LocalDate endedOn, String endReason,
            String areaCode, String districtCode) {
    }
}
