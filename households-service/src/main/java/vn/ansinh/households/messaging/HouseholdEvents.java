package vn.ansinh.households.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * What households-service publishes on {@value #TOPIC}, keyed by household id. The contract of
 * each type is {@code contracts/events/households.household.v1/<type>.schema.json}.
 */
public final class HouseholdEvents {

    public static final String TOPIC = "households.household.v1";
    public static final String REGISTERED = "household.registered";

    private HouseholdEvents() {
    }

    public record HouseholdRegistered(UUID householdId, String code, String areaCode, Instant registeredAt) {
    }
}
