package vn.ansinh.reporting.messaging;

/**
 * The registry's topics and the event types reporting-service reads from them.
 */
public final class RegistryEvents {

    public static final String TOPIC = "households.household.v1";
    public static final String REGISTERED = "household.registered";
    public static final String UPDATED = "household.updated";
    public static final String CLASSIFIED = "household.classified";

    public static final String AREA_TOPIC = "households.area.v1";
    public static final String AREA_CHANGED = "area.changed";

    private RegistryEvents() {
    }

}
