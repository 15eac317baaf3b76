package vn.ansinh.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three real service jars, one real broker and one real PostgreSQL server, each service a
 * process of its own: a change in the registry must reach benefits and reporting, also across
 * a crash of a consumer.
 */
class SuiteSystemIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Stack stack;

    @BeforeAll
    static void startSuite() throws Exception {
        Path root = Path.of(System.getProperty("ansinh.root", "..")).toAbsolutePath().normalize();
        Path workDir = Files.createTempDirectory(root.resolve("stack/target"), "system-test-");
        String classpath = Files.readString(root.resolve("stack/target/classpath.txt")).trim() + File.pathSeparator
                + root.resolve("stack/target/classes");
        stack = Stack.start(StackOptions.forTest(root, workDir, classpath));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRegisteredHouseholdReachesBenefitsAndReporting() throws Exception {
        String id = register("SYS-000001", "96003");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode copy = get(stack.url("benefits-service") + "/api/households/" + id, 200);
            assertEquals("SYS-000001", copy.get("code").asText());
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1, householdsIn("96003")));
    }

    @Test
    void aConsumerKilledMidStreamCatchesUpWithoutDoubling() throws Exception {
        stack.kill("reporting-service");
        for (int i = 1; i <= 20; i++) {
            register(String.format("SYS-KILL-%03d", i), "95005");
        }
        stack.restart("reporting-service");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(20, householdsIn("95005")));
        Thread.sleep(2000); // anything redelivered after the restart has arrived by now
        assertEquals(20, householdsIn("95005"));
    }

    private static String register(String code, String areaCode) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("code", code, "areaCode", areaCode,
                "address", "Thôn Nà Hem", "headName", "Hoàng Văn Dũng"));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.url("households-service") + "/api/households"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).path("household").get("id").asText();
    }

    private static long householdsIn(String areaCode) throws Exception {
        JsonNode indicator = get(stack.url("reporting-service") + "/api/indicators/registered-households", 200);
        for (JsonNode area : indicator.get("areas")) {
            if (areaCode.equals(area.get("areaCode").asText())) {
                return area.get("households").asLong();
            }
        }
        return 0;
    }

    private static JsonNode get(String url, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
