package vn.ansinh.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For system tests that run the demo import through the whole suite: starting a stack with the
 * demo enabled, importing a share of the province, and the invariants that must hold afterwards
 * whatever happened on the way — taken from the registry's own data.
 */
final class DemoSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DemoSuite() {
    }

    static Stack start(String name) throws Exception {
        return start(name, Map.of());
    }

    /** The same, with settings for every service. */
    static Stack start(String name, Map<String, String> environment) throws Exception {
        Path root = Path.of(System.getProperty("ansinh.root", "..")).toAbsolutePath().normalize();
        Path workDir = Files.createTempDirectory(root.resolve("stack/target"), name + "-");
        String classpath = Files.readString(root.resolve("stack/target/classpath.txt")).trim() + File.pathSeparator
                + root.resolve("stack/target/classes");
        StackOptions test = StackOptions.forTest(root, workDir, classpath);
        return Stack.start(new StackOptions(test.root(), test.workDir(), test.classpath(), null, "postgres",
                "postgres", null, Ports.free(), Ports.free(), Ports.free(), test.servicePorts(), true), environment);
    }

    /** Starts the import of the demo province's 2023 survey at this scale; returns the job's URL. */
    static String startImport(Stack stack, double scale) throws Exception {
        String url = stack.url("households-service");
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(url
                + "/api/imports/demo-province?year=2023&scale=" + scale)).header("Authorization", stack.authorization())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        return URI.create(url).resolve(started.headers().firstValue("Location").orElseThrow()).toString();
    }

    static void awaitCompleted(Stack stack, String job) throws Exception {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> List.of(
                "COMPLETED", "REJECTED", "FAILED").contains(status(stack, job)));
        assertEquals("COMPLETED", status(stack, job));
    }

    private static String status(Stack stack, String job) throws Exception {
        return job(stack, job).path("status").asText();
    }

    /** The import job as the registry reports it. */
    static JsonNode job(Stack stack, String job) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(job))
                .header("Authorization", stack.authorization()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Every record of a topic, read from the beginning until it has been quiet for {@code quiet}. */
    static List<ConsumerRecord<String, byte[]>> read(Stack stack, String topic, Duration quiet) {
        List<ConsumerRecord<String, byte[]>> read = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + java.util.UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            java.time.Instant last = java.time.Instant.now();
            while (Duration.between(last, java.time.Instant.now()).compareTo(quiet) < 0) {
                var polled = consumer.poll(Duration.ofMillis(500));
                if (!polled.isEmpty()) {
                    polled.forEach(read::add);
                    last = java.time.Instant.now();
                }
            }
        }
        return read;
    }

    /**
     * Waits until benefits and reporting agree with the registry: one card per poor or near-poor
     * member, reporting's counts equal the registry's, its coverage equal to benefits' cards.
     */
    static void awaitNumbersAgree(Stack stack) throws Exception {
        long households;
        long poor;
        long members;
        try (Connection registry = stack.connect("households-service")) {
            households = count(registry, "SELECT count(*) FROM survey WHERE year = 2023");
            poor = count(registry, "SELECT count(*) FROM survey WHERE year = 2023 AND category = 'POOR'");
            members = count(registry, "SELECT count(*) FROM member m JOIN survey s ON s.household_id = m.household_id"
                    + " AND s.year = 2023 AND s.category IN ('POOR', 'NEAR_POOR') WHERE m.active");
        }
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            try (Connection benefits = stack.connect("benefits-service");
                    Connection reporting = stack.connect("reporting-service")) {
                long cards = count(benefits, "SELECT count(*) FROM entitlement WHERE programme_code = 'HEALTH_INSURANCE'"
                        + " AND period = '2024' AND status = 'ACTIVE'");
                assertEquals(members, cards, "one card per poor or near-poor member");
                assertEquals(0, count(benefits, "SELECT count(*) FROM outbox_event"));
                assertEquals(households, indicator(reporting, "poverty-rate/ALL/24/2023", "households"));
                assertEquals(poor, indicator(reporting, "poverty-rate/ALL/24/2023", "poor"));
                assertEquals(cards, indicator(reporting, "health-insurance-coverage/ALL/24/2023", "covered"));
            }
        });
    }

    static String metrics(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
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
