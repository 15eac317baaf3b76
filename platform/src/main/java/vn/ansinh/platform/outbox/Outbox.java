package vn.ansinh.platform.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import vn.ansinh.platform.db.CopyIn;
import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.events.EventsConfig;
import vn.ansinh.platform.events.Json;
import vn.ansinh.platform.tracing.TraceParent;

/**
 * Writes events into the outbox table inside the caller's transaction, so that an event
 * exists if and only if the state change that produced it committed.
 */
@ApplicationScoped
public class Outbox {

    /*
     * The relay publishes in id order. Two transactions writing events for the same key could
     * otherwise commit in the opposite order of their ids; a transaction-scoped advisory lock on
     * the key, taken before the identity value is drawn, makes the ids of one key follow commit
     * order. The lock table holds one entry per distinct key until commit: keep a transaction
     * to a few thousand keys (imports commit in chunks) or raise max_locks_per_transaction.
     */
    private static final String LOCK_KEYS = """
            SELECT count(pg_advisory_xact_lock(hashtextextended(key, 0)))
            FROM (SELECT DISTINCT unnest(?::text[]) AS key ORDER BY 1) keys
            """;
    private static final Object WAKE_REGISTERED = new Object();

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final Json json;
    private final EventsConfig config;
    private final OutboxSignal signal;

    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, Json json,
            EventsConfig config, OutboxSignal signal) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.json = json;
        this.config = config;
        this.signal = signal;
    }

    /**
     * An event ready to be appended: topic, key (the aggregate id), wire type, payload record, and
     * the traceparent of the span it was made in (taken when it is made: a batch may collect
     * events of several traces and append them at once).
     */
    public record NewEvent(String topic, String key, String type, Object payload, String traceParent) {

        public NewEvent(String topic, String key, String type, Object payload) {
            this(topic, key, type, payload, TraceParent.current());
        }
    }

    /** Appends one event; returns its envelope (with the event id consumers will see). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String key, String type, Object payload) {
        return appendAll(List.of(new NewEvent(topic, key, type, payload))).get(0);
    }

    /**
     * Appends events: the locks of their keys taken first, in one statement and in key order (two
     * transactions never wait for each other's locks in a circle), then the events written with
     * COPY. A row per event with its own lock was a statement per event: benefits' 186,000
     * entitlement events of a province took 4 s of database time that way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> appendAll(List<NewEvent> events) {
        String[] keys = events.stream().map(e -> e.topic() + '/' + e.key()).toArray(String[]::new);
        // the state change may still sit in Hibernate's session: flush it so it commits with the events
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_KEYS)) {
                lock.setArray(1, connection.createArrayOf("text", keys));
                lock.execute();
            }
        });
        return write(events);
    }

    /**
     * Appends the events of aggregates created in this very transaction without the key lock: no
     * other transaction can see those aggregates, so none can write events for their keys before
     * this one commits. For imports of many new aggregates; the order of the list is kept per key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendForNewAggregates(List<NewEvent> events) {
        entityManager.flush();
        write(events);
    }

    /** Writes the events with COPY, in list order (their ids follow it), and wakes the relay after commit. */
    private List<EventEnvelope> write(List<NewEvent> events) {
        List<EventEnvelope> envelopes = envelopes(events);
        CopyIn rows = new CopyIn("outbox_event", "event_id", "topic", "event_key", "event_type", "payload",
                "occurred_at", "trace_parent");
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = envelopes.get(i);
            rows.row(event.id(), events.get(i).topic(), event.key(), event.type(), event.data(), event.time(),
                    events.get(i).traceParent());
        }
        entityManager.unwrap(Session.class).doWork(rows::send);
        wakeRelayAfterCommit();
        return envelopes;
    }

    private List<EventEnvelope> envelopes(List<NewEvent> events) {
        Instant now = Instant.now();
        return events.stream()
                .map(e -> new EventEnvelope(Ids.newId(), e.type(), config.source(), now, e.key(),
                        json.write(e.payload())))
                .toList();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal.wake();
                }
            }
        });
    }
}
