package vn.ansinh.benefits.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdRegistered;
import vn.ansinh.benefits.service.HouseholdCopyService;
import vn.ansinh.platform.consumer.ConsumerLoops;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.events.Json;

/** Keeps this service's copy of the registry up to date from the registry's events. */
@ApplicationScoped
public class RegistryEventsConsumer {

    static final String CONSUMER = "benefits.registry";

    private final ConsumerLoops loops;
    private final HouseholdCopyService households;
    private final Json json;

    public RegistryEventsConsumer(ConsumerLoops loops, HouseholdCopyService households, Json json) {
        this.loops = loops;
        this.households = households;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        loops.start(CONSUMER, List.of(RegistryEvents.TOPIC), this::apply);
    }

    void apply(EventEnvelope event) {
        if (RegistryEvents.REGISTERED.equals(event.type())) {
            households.registered(json.read(event, HouseholdRegistered.class), event.time());
        }
    }
}
