package vn.ansinh.reporting.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import vn.ansinh.platform.consumer.ConsumerLoops;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.events.Json;
import vn.ansinh.reporting.messaging.RegistryEvents.HouseholdRegistered;
import vn.ansinh.reporting.service.RegisteredHouseholdsService;

/** Builds the registry read models from the registry's events. */
@ApplicationScoped
public class RegistryEventsConsumer {

    static final String CONSUMER = "reporting.registry";

    private final ConsumerLoops loops;
    private final RegisteredHouseholdsService registered;
    private final Json json;

    public RegistryEventsConsumer(ConsumerLoops loops, RegisteredHouseholdsService registered, Json json) {
        this.loops = loops;
        this.registered = registered;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        loops.start(CONSUMER, List.of(RegistryEvents.TOPIC), this::apply);
    }

    void apply(EventEnvelope event) {
        if (RegistryEvents.REGISTERED.equals(event.type())) {
            registered.registered(json.read(event, HouseholdRegistered.class));
        }
    }
}
