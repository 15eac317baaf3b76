package vn.ansinh.reporting.messaging;

import java.util.UUID;

import vn.ansinh.platform.events.MalformedEventException;

/**
 * What reporting-service reads from the registry's topic: only the fields it needs of each type
 * (contracts in {@code contracts/events/households.household.v1/}).
 */
public final class RegistryEvents {

    public static final String TOPIC = "households.household.v1";
    public static final String REGISTERED = "household.registered";

    private RegistryEvents() {
    }

    public record HouseholdRegistered(UUID householdId, String areaCode) {

        public HouseholdRegistered {
            if (householdId == null || areaCode == null) {
                throw new MalformedEventException("household.registered needs householdId and areaCode");
            }
        }
    }
}
