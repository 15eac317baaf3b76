package vn.ansinh.households.messaging;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import vn.ansinh.households.messaging.HouseholdEvents.HouseholdRegistered;
import vn.ansinh.households.messaging.HouseholdEvents.MemberDetails;
import vn.ansinh.households.service.DciService;
import vn.ansinh.platform.consumer.ConsumerLoops;
import vn.ansinh.platform.consumer.EventHandler;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.events.Json;

/**
 * Reads the registry's own events to notify DCI subscribers: a registration (by form or survey
 * import alike) and a new member. Reading the topic, not the write paths, means every way a
 * household enters the registry notifies, once per event.
 */
@ApplicationScoped
public class DciNotifier {

    static final String CONSUMER = "households.dci-notify";

    private final ConsumerLoops loops;
    private final DciService dci;
    private final Json json;

    public DciNotifier(ConsumerLoops loops, DciService dci, Json json) {
        this.loops = loops;
        this.dci = dci;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        loops.start(CONSUMER, List.of(HouseholdEvents.TOPIC), new EventHandler() {
            @Override
            public void apply(EventEnvelope event) {
                DciNotifier.this.apply(event, dci.subscribedEventTypes());
            }

            /** One look at the subscriptions per batch: an import's thousands of events cost one query. */
            @Override
            public EventHandler forBatch(List<EventEnvelope> events) {
                Set<String> subscribed = dci.subscribedEventTypes();
                return event -> DciNotifier.this.apply(event, subscribed);
            }
        });
    }

    void apply(EventEnvelope event, Set<String> subscribed) {
        if (subscribed.isEmpty()) {
            return;
        }
        if (HouseholdEvents.REGISTERED.equals(event.type())) {
            dci.notifySubscribers(DciService.REGISTER, json.read(event, HouseholdRegistered.class).householdId(),
                    event.id(), event.time());
        } else if (HouseholdEvents.MEMBER_ADDED.equals(event.type())) {
            dci.notifySubscribers(DciService.NEW_MEMBER, json.read(event, MemberDetails.class).householdId(),
                    event.id(), event.time());
        }
    }
}
