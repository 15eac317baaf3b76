package vn.ansinh.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.ansinh.platform.events.CloudEventHeaders;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.tracing.TraceParent;

/**
 * Publishes committed outbox rows to Kafka, oldest first: a batch is deleted and sent in one
 * transaction, which commits once Kafka has acknowledged every event of it.
 *
 * <p>Any number of relays (one per replica) may run against one outbox: each batch is taken
 * under a transaction-scoped advisory lock, so only one relay publishes at a time and the
 * rows it deletes are exactly the ones it sent. If a relay dies after sending and before its
 * commit, the next one sends those rows again: delivery is at least once, and consumers
 * drop the repeat by its event id.
 */
public class OutboxRelay {

    /** Advisory lock key of the relay ("outbox" in ASCII); each service has its own database. */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private static final String CLAIM = "SELECT pg_try_advisory_xact_lock(?)";
    /**
     * The oldest events taken out of the outbox in one statement, by their place in the table
     * (no index probe per row, as {@code DELETE ... WHERE id = ANY} needed); the transaction
     * commits only once Kafka has them all, so a failed send puts them back. RETURNING gives no
     * order: they are sorted by id before they are sent.
     */
    private static final String TAKE = """
            DELETE FROM outbox_event WHERE ctid = ANY (ARRAY(SELECT ctid FROM outbox_event ORDER BY id LIMIT ?))
            RETURNING id, event_id, topic, event_key, event_type, payload, occurred_at, trace_parent
            """;

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final String source;
    private final int batchSize;

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, String source, int batchSize) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.source = source;
        this.batchSize = batchSize;
    }

    /**
     * Publishes one batch.
     *
     * @return the number of events published; 0 when the outbox is empty or another relay holds the lock
     */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!claim(connection)) {
                    return 0;
                }
                List<Pending> batch = take(connection);
                if (batch.isEmpty()) {
                    return 0;
                }
                send(batch);
                return batch.size();
            }
        });
    }

    private record Pending(long id, String topic, EventEnvelope event, String traceParent) {
    }

    private static boolean claim(Connection connection) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setLong(1, RELAY_LOCK);
            try (ResultSet result = claim.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<Pending> take(Connection connection) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setInt(1, batchSize);
            try (ResultSet rows = take.executeQuery()) {
                while (rows.next()) {
                    EventEnvelope event = new EventEnvelope(rows.getObject("event_id", UUID.class),
                            rows.getString("event_type"), source,
                            rows.getTimestamp("occurred_at").toInstant(), rows.getString("event_key"),
                            rows.getBytes("payload")); // the JSON as stored, UTF-8: no decoding and encoding again
                    batch.add(new Pending(rows.getLong("id"), rows.getString("topic"), event,
                            rows.getString("trace_parent")));
                }
            }
        }
        batch.sort(Comparator.comparingLong(Pending::id));
        return batch;
    }

    private void send(List<Pending> batch) throws InterruptedException, ExecutionException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(pending.topic(), pending.event().key(),
                    pending.event().data());
            CloudEventHeaders.write(record.headers(), pending.event());
            if (pending.traceParent() != null) {
                record.headers().add(TraceParent.HEADER, pending.traceParent().getBytes(StandardCharsets.UTF_8));
            }
            acks.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(); // a failed send rolls the batch back: the events stay, all are sent again
        }
    }
}
