package vn.ansinh.benefits.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdClassified;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdRegistered;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdUpdated;
import vn.ansinh.benefits.messaging.RegistryEvents.MemberDetails;
import vn.ansinh.benefits.messaging.RegistryEvents.MemberRemoved;
import vn.ansinh.benefits.service.RegistryCopyService;
import vn.ansinh.platform.consumer.ConsumerLoops;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.events.Json;

/**
 * Keeps this service's copy of the registry up to date from the registry's events, and with it
 * the entitlements that follow from it.
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    static final String CONSUMER = "benefits.registry";

    private final ConsumerLoops loops;
    private final RegistryCopyService registry;
    private final Json json;

    public RegistryEventsConsumer(ConsumerLoops loops, RegistryCopyService registry, Json json) {
        this.loops = loops;
        this.registry = registry;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        loops.start(CONSUMER, List.of(RegistryEvents.TOPIC), this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case RegistryEvents.REGISTERED -> registry.registered(json.read(event, HouseholdRegistered.class), event.time());
            case RegistryEvents.UPDATED -> registry.updated(json.read(event, HouseholdUpdated.class), event.time());
            case RegistryEvents.MEMBER_ADDED, RegistryEvents.MEMBER_UPDATED, RegistryEvents.MEMBER_MOVED ->
                registry.member(json.read(event, MemberDetails.class), event.time());
            case RegistryEvents.MEMBER_REMOVED -> registry.memberRemoved(json.read(event, MemberRemoved.class),
                    event.time());
            case RegistryEvents.CLASSIFIED -> registry.classified(json.read(event, HouseholdClassified.class),
                    event.time());
            default -> {
                // other types of the topic are not this service's concern
            }
        }
    }
}
