package vn.ansinh.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the synthetic demo province (households-service generates it and imports it through its
 * ordinary survey import) when the registry is empty, printing the import's progress.
 */
final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> FINISHED = List.of("COMPLETED", "REJECTED", "FAILED");

    private DemoData() {
    }

    /** @return the finished import job, or null when the registry already had households */
    static JsonNode loadIfEmpty(String householdsUrl, double scale) throws IOException, InterruptedException {
        if (get(householdsUrl + "/api/households?size=1").path("total").asLong() > 0) {
            return null;
        }
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(
                URI.create(householdsUrl + "/api/imports/demo-province?scale=" + scale))
                .header("X-Actor", "demo-loader").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the demo province was refused: " + started.body());
        }
        String job = URI.create(householdsUrl).resolve(started.headers().firstValue("Location").orElseThrow()).toString();
        Instant start = Instant.now();
        while (true) {
            JsonNode status = get(job);
            System.out.printf("\r  demo province (scale %s): %-10s read %,d · validated %,d · applied %,d of %,d rows (%d s)   ",
                    scale, status.path("status").asText(), status.path("rowsRead").asLong(),
                    status.path("rowsValidated").asLong(), status.path("rowsApplied").asLong(),
                    status.path("rowsTotal").asLong(), Duration.between(start, Instant.now()).toSeconds());
            if (FINISHED.contains(status.path("status").asText())) {
                System.out.println();
                return status;
            }
            Thread.sleep(2000);
        }
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
