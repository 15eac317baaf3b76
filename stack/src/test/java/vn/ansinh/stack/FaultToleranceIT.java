package vn.ansinh.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A demo import (1% of the province) while benefits-service and reporting-service are each
 * killed with SIGKILL and restarted, with malformed records injected into the registry's topic
 * and a stretch of it delivered twice. Afterwards the numbers are those the registry's own data
 * says they must be — every household counted once, every poor or near-poor member holding one
 * card, reporting's coverage equal to the cards benefits granted — and each consumer's
 * dead-letter topic holds exactly the injected records.
 */
class FaultToleranceIT {

    private static final String TOPIC = "households.household.v1";
    private static Stack stack;

    @BeforeAll
    static void startSuite() throws Exception {
        stack = DemoSuite.start("fault-test");
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killsRedeliveriesAndMalformedRecordsLoseNothingAndDoubleNothing() throws Exception {
        List<String> injected = injectMalformedRecords();
        String job = DemoSuite.startImport(stack, 0.01);

        Thread.sleep(3000);
        stack.kill("benefits-service");
        Thread.sleep(2000);
        stack.restart("benefits-service");
        stack.kill("reporting-service");
        Thread.sleep(2000);
        stack.restart("reporting-service");
        DemoSuite.awaitCompleted(stack, job);
        int redelivered = redeliver(500);
        DemoSuite.awaitNumbersAgree(stack);
        for (String deadLetters : List.of("benefits.dead-letter.v1", "reporting.dead-letter.v1")) {
            List<String> lettered = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : read(deadLetters, Duration.ofSeconds(5))) {
                lettered.add(record.key());
            }
            assertEquals(injected.stream().sorted().toList(), lettered.stream().sorted().toList(),
                    deadLetters + " holds exactly the injected records (" + redelivered + " redelivered ones skipped)");
        }
    }

    /** A payload that is not JSON, a classification without its fields, a record without CloudEvent headers. */
    private static List<String> injectMalformedRecords() throws Exception {
        List<String> keys = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(event(keys.get(0), "household.registered", "{not json")).get();
            producer.send(event(keys.get(1), "household.classified", "{\"householdId\":\"" + keys.get(1) + "\"}")).get();
            producer.send(new ProducerRecord<>(TOPIC, keys.get(2), "{}".getBytes(StandardCharsets.UTF_8))).get();
        }
        return keys;
    }

    private static ProducerRecord<String, byte[]> event(String key, String type, String payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, payload.getBytes(StandardCharsets.UTF_8));
        for (String[] header : new String[][] {{"ce_id", UUID.randomUUID().toString()}, {"ce_type", type},
                {"ce_source", "/fault-test"}, {"ce_time", Instant.now().toString()}, {"ce_specversion", "1.0"},
                {"content-type", "application/json"}}) {
            record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** Sends the first records of the registry's topic again, headers and all (same event ids). */
    private static int redeliver(int count) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = read(TOPIC, Duration.ofSeconds(5));
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (ConsumerRecord<String, byte[]> record : records) {
                if (sent == count || record.headers().lastHeader("ce_id") == null) {
                    continue;
                }
                ProducerRecord<String, byte[]> again = new ProducerRecord<>(TOPIC, record.key(), record.value());
                for (Header header : record.headers()) {
                    again.headers().add(header);
                }
                producer.send(again);
                sent++;
            }
            producer.flush();
        }
        return sent;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic, Duration quiet) {
        return DemoSuite.read(stack, topic, quiet);
    }

}
