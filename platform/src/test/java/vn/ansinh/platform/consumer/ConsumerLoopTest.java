package vn.ansinh.platform.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.platform.PlatformTestApp;
import vn.ansinh.platform.PlatformTestApp.EffectRecorder;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.events.EventsConfig;
import vn.ansinh.platform.events.KafkaClients;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.RealKafka;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsumerLoopTest {

    @Inject
    ConsumerLoops loops;
    @Inject
    EffectRecorder effects;
    @Inject
    KafkaClients kafka;
    @Inject
    EntityManager entityManager;
    @Inject
    EventsConfig config;

    /** A consumer that dies after its database commit and before its offset commit, like a kill -9 there. */
    static class CrashingLoop extends ConsumerLoop {

        CrashingLoop(String name, List<String> topics, EventHandler handler, KafkaClients kafka,
                EntityManager entityManager, ConsumerLoops loops, EventsConfig config) {
            super(name, topics, handler, kafka, entityManager, loops.deadLetters(), config, loops.tracer());
        }

        @Override
        protected void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
            throw new SimulatedCrash();
        }
    }

    static class SimulatedCrash extends Error {
    }

    @Test
    void eventsCommittedBeforeACrashAreNotAppliedAgainAfterRestart() throws Exception {
        String topic = "platform.crash.v1";
        String group = "crash-test";
        for (int seq = 1; seq <= 5; seq++) {
            sendNoted(topic, "crash", seq);
        }

        ConsumerLoop crashing = loops.start(new CrashingLoop(group, List.of(topic), effects.handlerFor(group), kafka,
                entityManager, loops, config));
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> loops.dead().contains(group));
        assertEquals(5, effects.effects(group), "the batch committed to the database before the crash");
        assertEquals(0, committedOffset(group, topic), "no offset was committed");
        loops.stop(crashing);

        ConsumerLoop restarted = loops.start(group, List.of(topic), effects.handlerFor(group)).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(group, topic) == 5);
        assertEquals(5, effects.effects(group), "the redelivered events changed nothing");
        assertEquals(0, restarted.applied());
        loops.stop(restarted);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String topic = "platform.twice.v1";
        String group = "twice-test";
        UUID id = UUID.randomUUID();
        sendNoted(topic, "twice", 1, id);
        sendNoted(topic, "twice", 1, id);
        sendNoted(topic, "twice", 2);

        ConsumerLoop loop = loops.start(group, List.of(topic), effects.handlerFor(group)).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(group, topic) == 3);
        assertEquals(2, effects.effects(group));
        loops.stop(loop);
    }

    @Test
    void aHandlerIdempotentByItselfIsGivenARedeliveredEventAgainAndNothingIsRecorded() throws Exception {
        String topic = "platform.idempotent.v1";
        String group = "idempotent-test";
        UUID id = UUID.randomUUID();
        sendNoted(topic, "again", 1, id);
        sendNoted(topic, "again", 1, id);
        EventHandler recording = effects.handlerFor(group);
        EventHandler idempotent = new EventHandler() {
            @Override
            public void apply(EventEnvelope event) {
                recording.apply(event);
            }

            @Override
            public boolean idempotent() {
                return true;
            }
        };

        ConsumerLoop loop = loops.start(group, List.of(topic), idempotent).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(group, topic) == 2);
        assertEquals(2, effects.effects(group), "the handler saw the redelivery");
        assertEquals(0L, effects.processed(group), "no processed_event row for its events");
        loops.stop(loop);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheNextRecordIsApplied() throws Exception {
        String topic = "platform.poison.v1";
        String group = "poison-test";
        Topics.send(topic, "bad-headers", "{\"key\":\"x\",\"seq\":1,\"text\":\"\"}".getBytes(StandardCharsets.UTF_8));
        sendRaw(topic, "bad-payload", "{\"key\": 12, \"seq\": \"one\"".getBytes(StandardCharsets.UTF_8),
                UUID.randomUUID());
        sendRaw(topic, "bad-content", "{\"seq\": 0}".getBytes(StandardCharsets.UTF_8), UUID.randomUUID());
        sendNoted(topic, "good", 1);

        ConsumerLoop loop = loops.start(group, List.of(topic), effects.handlerFor(group)).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(group, topic) == 4);

        assertEquals(1, effects.effects(group), "the good record after the bad ones was applied");
        List<ConsumerRecord<String, byte[]>> letters = Topics.readUntil(config.deadLetterTopic(),
                read -> read.stream().filter(r -> topic.equals(Topics.header(r, ConsumerLoop.DEAD_LETTER_TOPIC)))
                        .count() >= 3,
                Duration.ofSeconds(30)).stream()
                .filter(r -> topic.equals(Topics.header(r, ConsumerLoop.DEAD_LETTER_TOPIC))).toList();
        assertEquals(List.of("bad-headers", "bad-payload", "bad-content"),
                letters.stream().map(ConsumerRecord::key).toList());
        assertEquals("missing header ce_specversion", Topics.header(letters.get(0), ConsumerLoop.DEAD_LETTER_REASON));
        assertEquals("0", Topics.header(letters.get(0), ConsumerLoop.DEAD_LETTER_OFFSET));
        assertEquals(group, Topics.header(letters.get(0), ConsumerLoop.DEAD_LETTER_CONSUMER));
        assertEquals("test.noted needs key and seq", Topics.header(letters.get(2), ConsumerLoop.DEAD_LETTER_REASON));
        loops.stop(loop);
    }

    @Test
    void theConsumerAcceptsEveryExampleOfTheContract() throws Exception {
        String topic = "platform.examples.v1";
        String group = "examples-test";
        List<byte[]> examples = EventContracts.examples(PlatformTestApp.TOPIC, PlatformTestApp.NOTED);
        for (byte[] example : examples) {
            sendRaw(topic, "example", example, UUID.randomUUID());
        }
        ConsumerLoop loop = loops.start(group, List.of(topic), effects.handlerFor(group)).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(group, topic) == examples.size());
        assertEquals(examples.size(), effects.effects(group));
        assertEquals(0, loop.deadLettered());
        loops.stop(loop);
    }

    private static void sendNoted(String topic, String key, int seq) {
        sendNoted(topic, key, seq, UUID.randomUUID());
    }

    private static void sendNoted(String topic, String key, int seq, UUID id) {
        String payload = "{\"key\":\"" + key + "\",\"seq\":" + seq + ",\"text\":\"t\"}";
        sendRaw(topic, key, payload.getBytes(StandardCharsets.UTF_8), id);
    }

    private static void sendRaw(String topic, String key, byte[] payload, UUID id) {
        Topics.sendEvent(topic, key, PlatformTestApp.NOTED, payload, id);
    }

    private static long committedOffset(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }
}
