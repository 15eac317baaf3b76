package vn.ansinh.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A demo import (1% of the province) while benefits-service and reporting-service are each
 * killed with SIGKILL and restarted, with malformed records injected into the registry's topic
 * and a stretch of it delivered twice. Afterwards the numbers are those the registry's own data
 * says they must be — every household counted once, every poor or near-poor member holding one
 * card, reporting's coverage equal to the cards benefits granted — and each consumer's
 * dead-letter topic holds exactly the injected records.
 */
class FaultToleranceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPIC = "households.household.v1";
    private static Stack stack;

    @BeforeAll
    static void startSuite() throws Exception {
        Path root = Path.of(System.getProperty("ansinh.root", "..")).toAbsolutePath().normalize();
        Path workDir = Files.createTempDirectory(root.resolve("stack/target"), "fault-test-");
        String classpath = Files.readString(root.resolve("stack/target/classpath.txt")).trim() + File.pathSeparator
                + root.resolve("stack/target/classes");
        StackOptions test = StackOptions.forTest(root, workDir, classpath);
        stack = Stack.start(new StackOptions(test.root(), test.workDir(), test.classpath(), null, "postgres",
                "postgres", null, Ports.free(), Ports.free(), Ports.free(), test.servicePorts(), true));
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
        String job = startImport();

        Thread.sleep(3000);
        stack.kill("benefits-service");
        Thread.sleep(2000);
        stack.restart("benefits-service");
        stack.kill("reporting-service");
        Thread.sleep(2000);
        stack.restart("reporting-service");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> List.of("COMPLETED",
                "REJECTED", "FAILED").contains(get(job).path("status").asText()));
        assertEquals("COMPLETED", get(job).path("status").asText());
        int redelivered = redeliver(500);

        long households;
        long poor;
        long poorAndNearPoorMembers;
        try (Connection registry = stack.connect("households-service")) {
            households = count(registry, "SELECT count(*) FROM survey WHERE year = 2023");
            poor = count(registry, "SELECT count(*) FROM survey WHERE year = 2023 AND category = 'POOR'");
            poorAndNearPoorMembers = count(registry, "SELECT count(*) FROM member m JOIN survey s ON s.household_id ="
                    + " m.household_id AND s.year = 2023 AND s.category IN ('POOR', 'NEAR_POOR') WHERE m.active");
        }
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            try (Connection benefits = stack.connect("benefits-service");
                    Connection reporting = stack.connect("reporting-service")) {
                long cards = count(benefits, "SELECT count(*) FROM entitlement WHERE programme_code = 'HEALTH_INSURANCE'"
                        + " AND period = '2024' AND status = 'ACTIVE'");
                assertEquals(poorAndNearPoorMembers, cards, "one card per poor or near-poor member");
                assertEquals(0, count(benefits, "SELECT count(*) FROM outbox_event"));
                assertEquals(households, indicator(reporting, "poverty-rate/ALL/24/2023", "households"));
                assertEquals(poor, indicator(reporting, "poverty-rate/ALL/24/2023", "poor"));
                assertEquals(cards, indicator(reporting, "health-insurance-coverage/ALL/24/2023", "covered"));
            }
        });
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
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "fault-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant last = Instant.now();
            while (Duration.between(last, Instant.now()).compareTo(quiet) < 0) {
                var polled = consumer.poll(Duration.ofMillis(500));
                if (!polled.isEmpty()) {
                    polled.forEach(read::add);
                    last = Instant.now();
                }
            }
        }
        return read;
    }

    private static String startImport() throws Exception {
        String url = stack.url("households-service");
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(url
                + "/api/imports/demo-province?year=2023&scale=0.01")).header("X-Actor", "fault-test")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        return URI.create(url).resolve(started.headers().firstValue("Location").orElseThrow()).toString();
    }

    private static JsonNode get(String url) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static long indicator(Connection reporting, String key, String field) throws Exception {
        return count(reporting, "SELECT coalesce(max((value->>'" + field + "')::bigint), -1) FROM indicator"
                + " WHERE key = '" + key + "'");
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement query = db.createStatement(); ResultSet result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
