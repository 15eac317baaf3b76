package vn.ansinh.platform.consumer;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.ansinh.platform.events.CloudEventHeaders;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.events.EventsConfig;
import vn.ansinh.platform.events.KafkaClients;
import vn.ansinh.platform.events.MalformedEventException;
import vn.ansinh.platform.tracing.TraceParent;

/**
 * One consumer group member on its own thread (never the event loop).
 *
 * <p>Each polled batch is applied in one database transaction that also records the event ids
 * in {@code processed_event}; offsets are committed only after that transaction, so a crash in
 * between redelivers events whose ids are already recorded, and they are skipped (a handler
 * {@link EventHandler#idempotent() idempotent} by itself is spared the record). If the batch
 * fails, its records are applied one by one to find the bad one, which goes to the dead-letter
 * topic with the reason in its headers. A transient failure (database or broker down) is
 * retried, never dead-lettered.
 */
public class ConsumerLoop implements Runnable {

    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    public static final String DEAD_LETTER_EXCEPTION = "dead-letter-exception";
    public static final String DEAD_LETTER_TOPIC = "dead-letter-topic";
    public static final String DEAD_LETTER_PARTITION = "dead-letter-partition";
    public static final String DEAD_LETTER_OFFSET = "dead-letter-offset";
    public static final String DEAD_LETTER_CONSUMER = "dead-letter-consumer";
    public static final String DEAD_LETTER_TIME = "dead-letter-time";

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final String MARK_PROCESSED = """
            INSERT INTO processed_event (consumer, event_id)
            SELECT ?, unnest(?::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id
            """;

    private final String name;
    private final List<String> topics;
    private final EventHandler handler;
    private final EntityManager entityManager;
    private final Producer<String, byte[]> deadLetters;
    private final String deadLetterTopic;
    private final Duration retryBackoff;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Tracer tracer;

    /** Records of the current batch already dead-lettered, so that a retried batch does not send them twice. */
    private final Set<String> deadLetteredInBatch = new HashSet<>();
    private volatile boolean running = true;
    private volatile long applied;
    private volatile long deadLettered;
    private volatile long lag;

    /**
     * @param name the consumer group, also the consumer's name in {@code processed_event}
     */
    public ConsumerLoop(String name, List<String> topics, EventHandler handler, KafkaClients kafka,
            EntityManager entityManager, Producer<String, byte[]> deadLetters, EventsConfig config, Tracer tracer) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.entityManager = entityManager;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = config.deadLetterTopic();
        this.retryBackoff = config.consumer().retryBackoff();
        this.consumer = kafka.consumer(name, config.consumer().maxPollRecords());
        this.tracer = tracer;
    }

    public String name() {
        return name;
    }

    /** Events applied (not counting skipped redeliveries) since start. */
    public long applied() {
        return applied;
    }

    public long deadLettered() {
        return deadLettered;
    }

    /** Records behind the end of the partitions this member reads, as of its last poll. */
    public long lag() {
        return lag;
    }

    /** Asks the loop to finish its batch and leave the group; returns at once. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                lag = currentLag() - records.count();
                if (records.isEmpty()) {
                    continue;
                }
                if (process(records)) {
                    commitAfterDatabase(records);
                } else {
                    rewind(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            LOG.infof("consumer %s stopped", name);
        }
    }

    /** From the positions the consumer already knows (no request to the broker). */
    private long currentLag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        return total;
    }

    private void commitAfterDatabase(ConsumerRecords<String, byte[]> records) {
        try {
            commit(nextOffsets(records));
        } catch (CommitFailedException | RetriableCommitFailedException e) {
            // the partitions moved to another member, which will receive these records again and skip them
            LOG.infof("consumer %s could not commit after a rebalance: %s", name, e.getMessage());
        }
        deadLetteredInBatch.clear();
    }

    /** Commits the offsets after the batch's database commit; overridden by tests to simulate a crash here. */
    protected void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        consumer.commitSync(offsets);
    }

    private record Received(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
    }

    /** @return true when every record was applied or dead-lettered; false to retry the batch */
    private boolean process(ConsumerRecords<String, byte[]> records) {
        List<Received> readable = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                readable.add(new Received(record, CloudEventHeaders.read(record.headers(), record.key(), record.value())));
            } catch (MalformedEventException e) {
                if (!deadLetter(record, e)) {
                    return false;
                }
            }
        }
        try {
            applyInTransaction(readable);
            return true;
        } catch (RuntimeException batchFailure) {
            if (Failures.isTransient(batchFailure)) {
                return backOff(batchFailure);
            }
        }
        for (Received received : readable) {
            try {
                applyInTransaction(List.of(received));
            } catch (RuntimeException failure) {
                if (Failures.isTransient(failure)) {
                    return backOff(failure);
                }
                if (!deadLetter(received.record(), failure)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void applyInTransaction(List<Received> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<UUID, String> traceParents = new HashMap<>();
        for (Received received : batch) {
            Header header = received.record().headers().lastHeader(TraceParent.HEADER);
            if (header != null) {
                traceParents.put(received.event().id(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        int count = QuarkusTransaction.requiringNew().call(() -> {
            List<EventEnvelope> events = new ArrayList<>(batch.size());
            if (handler.idempotent()) {
                batch.forEach(received -> events.add(received.event()));
            } else {
                Set<UUID> fresh = markProcessed(batch);
                for (Received received : batch) {
                    if (fresh.remove(received.event().id())) {
                        events.add(received.event());
                    }
                }
            }
            if (events.isEmpty()) {
                return 0;
            }
            EventHandler applier = handler.forBatch(events);
            for (EventEnvelope event : events) {
                apply(applier, event, traceParents.get(event.id()));
                if (!applier.batched()) {
                    // write this event's changes and forget its entities: otherwise every query of a
                    // batch would first dirty-check the entities of all the events applied before it
                    entityManager.flush();
                    entityManager.clear();
                }
            }
            applier.complete();
            return events.size();
        });
        applied += count;
    }

    /**
     * Applies one event in a span whose parent is the span that wrote it (from its traceparent
     * header): what the handler publishes in turn carries the same trace on.
     */
    private void apply(EventHandler applier, EventEnvelope event, String traceParent) {
        Span span = tracer.spanBuilder("apply " + event.type()).setParent(TraceParent.parent(traceParent))
                .setSpanKind(SpanKind.CONSUMER).setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.consumer.group.name", name)
                .setAttribute("messaging.message.id", event.id().toString()).startSpan();
        try (Scope scope = span.makeCurrent()) {
            applier.apply(event);
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Records the batch's event ids; returns those not seen before by this consumer. */
    private Set<UUID> markProcessed(List<Received> batch) {
        return markProcessed(batch.stream().map(r -> r.event().id()).toArray(UUID[]::new));
    }

    private Set<UUID> markProcessed(UUID[] ids) {
        Set<UUID> fresh = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement mark = connection.prepareStatement(MARK_PROCESSED)) {
                mark.setString(1, name);
                mark.setArray(2, connection.createArrayOf("uuid", ids));
                try (ResultSet rows = mark.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        });
        return fresh;
    }

    /**
     * Sends a record to the dead-letter topic once, even across a crash or a redelivery: a marker
     * (its event id, or one derived from its coordinates) is recorded with the send in one
     * transaction, so a replay after a crash before the offset commit, or the same event sent
     * again, finds the marker and is not sent again.
     *
     * @return false when the dead-letter topic could not take the record (then nothing is committed)
     */
    private boolean deadLetter(ConsumerRecord<String, byte[]> record, Exception reason) {
        String coordinates = record.topic() + '-' + record.partition() + '@' + record.offset();
        if (deadLetteredInBatch.contains(coordinates)) {
            return true;
        }
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(deadLetterTopic, null, record.key(),
                record.value(), record.headers());
        header(letter, DEAD_LETTER_REASON, Failures.describe(reason));
        header(letter, DEAD_LETTER_EXCEPTION, reason.getClass().getName());
        header(letter, DEAD_LETTER_TOPIC, record.topic());
        header(letter, DEAD_LETTER_PARTITION, Integer.toString(record.partition()));
        header(letter, DEAD_LETTER_OFFSET, Long.toString(record.offset()));
        header(letter, DEAD_LETTER_CONSUMER, name);
        header(letter, DEAD_LETTER_TIME, Instant.now().toString());
        UUID marker = deadLetterMarker(record, coordinates);
        boolean sent;
        try {
            sent = QuarkusTransaction.requiringNew().call(() -> {
                if (markProcessed(new UUID[] {marker}).isEmpty()) {
                    return false; // sent before a crash that came ahead of the offset commit
                }
                deadLetters.send(letter).get();
                return true;
            });
        } catch (RuntimeException e) {
            LOG.errorf("consumer %s could not dead-letter %s: %s", name, coordinates, Failures.describe(e));
            return backOff(e);
        }
        deadLetteredInBatch.add(coordinates);
        if (sent) {
            deadLettered++;
            LOG.warnf("consumer %s dead-lettered %s: %s", name, coordinates, Failures.describe(reason));
        }
        return true;
    }

    /**
     * The event id when the record has a readable one (the same event delivered again is the same
     * dead letter), else an id derived from where the record lies.
     */
    private static UUID deadLetterMarker(ConsumerRecord<String, byte[]> record, String coordinates) {
        Header id = record.headers().lastHeader(CloudEventHeaders.ID);
        if (id != null) {
            try {
                return UUID.fromString(new String(id.value(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notAnId) {
                // fall through to the coordinates
            }
        }
        return UUID.nameUUIDFromBytes(("dead-letter " + coordinates).getBytes(StandardCharsets.UTF_8));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private boolean backOff(Exception failure) {
        LOG.warnf("consumer %s will retry in %s: %s", name, retryBackoff, Failures.describe(failure));
        try {
            Thread.sleep(retryBackoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Makes the next poll return the same batch again. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        // offsets are committed synchronously after each batch, so nothing is pending when partitions move

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.infof("consumer %s gives up %s", name, partitions);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.infof("consumer %s now reads %s", name, partitions);
            }
        }
    }
}
