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

    /** The real jars refuse a request without a token, and one signed by a key they do not trust. */
    @Test
    void theApisOfTheRealServicesTakeOnlyTrustedTokens() throws Exception {
        Path strangers = Files.createTempDirectory(Path.of(System.getProperty("ansinh.root", "..")).toAbsolutePath()
                .normalize().resolve("stack/target"), "stranger-");
        String forged = "Bearer " + DevTokens.in(strangers).sign("mallory", java.util.List.of("province-officer"),
                null, null, Duration.ofMinutes(5));
        for (String service : Stack.SERVICES) {
            String api = stack.url(service) + (service.startsWith("reporting") ? "/api/indicators/poverty-rate"
                    : service.startsWith("benefits") ? "/api/programmes" : "/api/areas");
            assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create(api)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), api);
            assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create(api)).header("Authorization", forged).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), api);
            get(api, 200);
        }
    }

    /**
     * The probes of the prod manifests, asked of the real services: every path they name is one
     * the service serves and answers 200 when healthy; so is the metrics path its ServiceMonitor
     * scrapes.
     */
    @Test
    void theKubernetesProbesAndMetricsPathsAnswerOnTheRealServices() throws Exception {
        Path root = Path.of(System.getProperty("ansinh.root", "..")).toAbsolutePath().normalize();
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", root.resolve("deploy/overlays/prod").toString())
                .start();
        String yaml = new String(kubectl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, kubectl.waitFor());
        ObjectMapper yamlReader = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        int checked = 0;
        try (var parser = yamlReader.getFactory().createParser(yaml)) {
            var documents = yamlReader.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                String kind = document.path("kind").asText();
                String service = document.path("metadata").path("name").asText();
                if (kind.equals("Deployment")) {
                    JsonNode container = document.path("spec").path("template").path("spec").path("containers").get(0);
                    for (String probe : java.util.List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                        get(stack.url(service) + container.path(probe).path("httpGet").path("path").asText(), 200);
                        checked++;
                    }
                } else if (kind.equals("ServiceMonitor")) {
                    String path = document.path("spec").path("endpoints").get(0).path("path").asText();
                    HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(service)
                            + path)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, metrics.statusCode(), service + path);
                    assertEquals(true, metrics.body().contains("ansinh_outbox_backlog"), service + path);
                    checked++;
                }
            }
        }
        assertEquals(12, checked, "three probes and a metrics path for each of the three services");
    }

    private static String register(String code, String areaCode) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("code", code, "areaCode", areaCode,
                "address", "Thôn Nà Hem", "headName", "Hoàng Văn Dũng"));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.url("households-service") + "/api/households"))
                .header("Authorization", stack.authorization())
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
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", stack.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
