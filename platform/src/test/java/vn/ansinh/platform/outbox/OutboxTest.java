package vn.ansinh.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.platform.PlatformTestApp;
import vn.ansinh.platform.PlatformTestApp.NoteService;
import vn.ansinh.platform.PlatformTestApp.Noted;
import vn.ansinh.platform.events.CloudEventHeaders;
import vn.ansinh.platform.events.KafkaClients;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    NoteService notes;
    @Inject
    DataSource dataSource;
    @Inject
    KafkaClients kafka;

    @Test
    void committedChangePublishesItsEventAsACloudEvent() throws Exception {
        notes.write("commit-1", 1, "Hộ ông Nguyễn Văn A", false);

        ConsumerRecord<String, byte[]> record = recordsOf("commit-1", 1).get(0);

        assertEquals("commit-1", record.key());
        assertEquals(PlatformTestApp.NOTED, Topics.header(record, CloudEventHeaders.TYPE));
        assertEquals("/ansinh/platform-test", Topics.header(record, CloudEventHeaders.SOURCE));
        assertEquals("1.0", Topics.header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals("application/json", Topics.header(record, CloudEventHeaders.CONTENT_TYPE));
        assertEquals("Hộ ông Nguyễn Văn A", MAPPER.readTree(record.value()).get("text").asText());
        EventContracts.assertConforms(record);
    }

    @Test
    void rolledBackChangePublishesNothing() {
        try {
            notes.write("rollback-1", 1, "refused", true);
        } catch (IllegalStateException expected) {
            // the service refused the change after writing state and event
        }
        notes.write("rollback-marker", 1, "written after the refused one", false);

        List<ConsumerRecord<String, byte[]>> records = Topics.readUntil(PlatformTestApp.TOPIC,
                read -> read.stream().anyMatch(r -> "rollback-marker".equals(r.key())), Duration.ofSeconds(30));

        assertTrue(records.stream().noneMatch(r -> "rollback-1".equals(r.key())),
                "an event of a rolled-back transaction was published");
        assertEquals(0, notes.count("rollback-1"));
    }

    @Test
    void relaysOnSeveralReplicasPublishEachEventOnceInOrderPerKey() throws Exception {
        int keys = 20;
        int perKey = 100;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<KafkaProducer<String, byte[]>> producers = new ArrayList<>();
        List<Future<?>> relays = new ArrayList<>();
        try {
            // two more relays beside the application's own, as if three replicas shared the outbox
            for (int r = 0; r < 2; r++) {
                KafkaProducer<String, byte[]> producer = kafka.producer("test-relay-" + r);
                producers.add(producer);
                OutboxRelay relay = new OutboxRelay(dataSource, producer, "/ansinh/platform-test", 37);
                relays.add(pool.submit(() -> {
                    while (writing.get()) {
                        relay.publishBatch();
                    }
                    while (relay.publishBatch() > 0) {
                        // drain what is left
                    }
                    return null;
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int seq = 1; seq <= perKey; seq++) {
                        List<Noted> batch = new ArrayList<>();
                        for (int k = writer; k < keys; k += 2) {
                            batch.add(new Noted("replica-" + k, seq, "n"));
                        }
                        notes.writeAll(batch);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            for (Future<?> relay : relays) {
                relay.get();
            }
        } finally {
            pool.shutdownNow();
            producers.forEach(KafkaProducer::close);
        }

        int expected = keys * perKey;
        List<ConsumerRecord<String, byte[]>> all = Topics.readUntil(PlatformTestApp.TOPIC,
                read -> read.stream().filter(r -> r.key().startsWith("replica-")).count() >= expected,
                Duration.ofSeconds(60));
        // read on a little: a doubled event would arrive after the last original
        all = Topics.readFor(PlatformTestApp.TOPIC, Duration.ofSeconds(2));

        Map<String, Integer> lastSeq = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : all) {
            if (!record.key().startsWith("replica-")) {
                continue;
            }
            JsonNode payload = MAPPER.readTree(record.value());
            int seq = payload.get("seq").asInt();
            String id = Topics.header(record, CloudEventHeaders.ID);
            seen.merge(id, 1, Integer::sum);
            int previous = lastSeq.getOrDefault(record.key(), 0);
            assertEquals(previous + 1, seq, "events of " + record.key() + " out of order or missing");
            lastSeq.put(record.key(), seq);
        }
        assertEquals(expected, seen.size(), "every event published");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "no event published twice");
        assertEquals(0, outboxRows(), "the outbox is drained");
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String key, int count) {
        return Topics.readUntil(PlatformTestApp.TOPIC,
                read -> read.stream().filter(r -> key.equals(r.key())).count() >= count, Duration.ofSeconds(30))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    private long outboxRows() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM outbox_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
