package vn.ansinh.benefits.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdClassified;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdRegistered;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdUpdated;
import vn.ansinh.benefits.messaging.RegistryEvents.MemberDetails;
import vn.ansinh.benefits.messaging.RegistryEvents.MemberRemoved;
import vn.ansinh.benefits.service.RegistryCopyService;
import vn.ansinh.benefits.service.RegistrySnapshot;
import vn.ansinh.platform.consumer.ConsumerLoops;
import vn.ansinh.platform.consumer.EventHandler;
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
        loops.start(CONSUMER, List.of(RegistryEvents.TOPIC), new EventHandler() {
            @Override
            public void apply(EventEnvelope event) {
                RegistryEventsConsumer.this.apply(event);
            }

            @Override
            public EventHandler forBatch(List<EventEnvelope> events) {
                return RegistryEventsConsumer.this.forBatch(events);
            }
        });
    }

    /**
     * Applies events one by one (the loop calls {@link #forBatch} first, so this serves only an
     * event applied outside a batch).
     */
    void apply(EventEnvelope event) {
        Batch batch = new Batch(registry.snapshot(keys(List.of(event))));
        batch.apply(event);
        batch.complete();
    }

    private EventHandler forBatch(List<EventEnvelope> events) {
        return new Batch(registry.snapshot(keys(events)));
    }

    /** The households the events are about: their keys (a key that is no id is the event's problem, later). */
    private static Set<UUID> keys(List<EventEnvelope> events) {
        Set<UUID> ids = new HashSet<>();
        for (EventEnvelope event : events) {
            try {
                ids.add(UUID.fromString(event.key()));
            } catch (IllegalArgumentException | NullPointerException notAnId) {
                // the payload's own householdId will not be found in the snapshot: dead-lettered then
            }
        }
        return ids;
    }

    /** Applies a batch's events with what was loaded for all of them at once. */
    private final class Batch implements EventHandler {
        private final RegistrySnapshot snapshot;

        Batch(RegistrySnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public boolean batched() {
            return true;
        }

        @Override
        public void complete() {
            registry.publishCollected(snapshot);
        }

        @Override
        public void apply(EventEnvelope event) {
            switch (event.type()) {
                case RegistryEvents.REGISTERED -> registry.registered(json.read(event, HouseholdRegistered.class),
                        event.time(), snapshot);
                case RegistryEvents.UPDATED -> registry.updated(json.read(event, HouseholdUpdated.class), event.time(),
                        snapshot);
                case RegistryEvents.MEMBER_ADDED, RegistryEvents.MEMBER_UPDATED, RegistryEvents.MEMBER_MOVED ->
                    registry.member(json.read(event, MemberDetails.class), event.time(), snapshot);
                case RegistryEvents.MEMBER_REMOVED -> registry.memberRemoved(json.read(event, MemberRemoved.class),
                        event.time(), snapshot);
                case RegistryEvents.CLASSIFIED -> registry.classified(json.read(event, HouseholdClassified.class),
                        event.time(), snapshot);
                default -> {
                    // other types of the topic are not this service's concern
                }
            }
        }
    }
}
