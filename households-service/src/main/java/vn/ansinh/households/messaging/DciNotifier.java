package vn.ansinh.households.messaging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.ansinh.households.messaging.HouseholdEvents.HouseholdRegistered;
import vn.ansinh.households.messaging.HouseholdEvents.MemberDetails;
import vn.ansinh.households.service.DciConfig;
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

    private static final Logger LOG = Logger.getLogger(DciNotifier.class);

    private final ConsumerLoops loops;
    private final DciService dci;
    private final Json json;
    private final DciConfig config;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dci-notify-watch");
        thread.setDaemon(true);
        return thread;
    });
    private boolean started;

    public DciNotifier(ConsumerLoops loops, DciService dci, Json json, DciConfig config) {
        this.loops = loops;
        this.dci = dci;
        this.json = json;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        watch.scheduleWithFixedDelay(this::startWhenSubscribed, 0, config.notifierCheckInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        watch.shutdownNow();
    }

    /**
     * The loop reads every registry event, an import's hundreds of thousands too: it starts only
     * once someone has subscribed (on each replica, within the check interval). Nothing is missed
     * by starting late: the group resumes where it stopped (the topic's start the first time),
     * and events from before a subscription are not sent to it.
     */
    synchronized void startWhenSubscribed() {
        if (started) {
            return;
        }
        try {
            if (dci.subscribedEventTypes().isEmpty()) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.warnf("DCI notifier: could not read the subscriptions (%s); trying again", e.toString());
            return;
        }
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
        started = true;
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
