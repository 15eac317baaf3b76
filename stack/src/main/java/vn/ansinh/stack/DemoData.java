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
 * ordinary survey import) when the registry is empty or its loading was interrupted, printing the
 * import's progress.
 */
final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> FINISHED = List.of("COMPLETED", "REJECTED", "FAILED");

    private DemoData() {
    }

    /**
     * Loads the demo province when the registry is empty, and completes it when an earlier run
     * stopped while loading it (the registry has households but its latest import did not
     * complete): importing the same files again applies what is missing and leaves the rest as it is.
     *
     * @return the finished import job, or null when nothing was to be loaded
     */
    static JsonNode load(String householdsUrl, double scale, String authorization) throws IOException, InterruptedException {
        if (get(householdsUrl + "/api/households?size=1", authorization).path("total").asLong() > 0) {
            JsonNode latest = get(householdsUrl + "/api/imports?size=1", authorization).path(0);
            if (latest.isMissingNode() || latest.path("status").asText().equals("COMPLETED")) {
                return null;
            }
            System.out.println("  demo data: the import of an earlier run did not complete (" + latest.path("status").asText()
                    + "); importing the demo province again completes it");
        }
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(
                URI.create(householdsUrl + "/api/imports/demo-province?scale=" + scale))
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the demo province was refused: " + started.body());
        }
        String job = URI.create(householdsUrl).resolve(started.headers().firstValue("Location").orElseThrow()).toString();
        Instant start = Instant.now();
        while (true) {
            JsonNode status = get(job, authorization);
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

    /**
     * The 2024 budget estimate of the demo province's programmes, in proportion to its size; only
     * where a programme and source has none yet, so that completing an interrupted load does not
     * allocate twice.
     */
    static void allocateBudgets(String benefitsUrl, double scale, String authorization) throws IOException, InterruptedException {
        Object[][] budgets = {
            {"HEALTH_INSURANCE", "CENTRAL", 110_000_000_000L}, {"HEALTH_INSURANCE", "PROVINCIAL", 12_000_000_000L},
            {"ELECTRICITY", "CENTRAL", 9_000_000_000L}, {"STUDY_SUPPORT", "CENTRAL", 7_500_000_000L},
            {"STUDY_SUPPORT", "SOCIALISED", 1_000_000_000L}};
        java.util.Set<String> allocated = new java.util.HashSet<>();
        for (JsonNode account : get(benefitsUrl + "/api/budgets?year=2024", authorization)) {
            if (account.path("allocatedVnd").asLong() > 0) {
                allocated.add(account.path("programme").asText() + "/" + account.path("fundingSource").asText());
            }
        }
        for (Object[] budget : budgets) {
            if (allocated.contains(budget[0] + "/" + budget[1])) {
                continue;
            }
            String body = JSON.writeValueAsString(java.util.Map.of("programme", budget[0], "year", 2024,
                    "fundingSource", budget[1], "amountVnd", Math.round((Long) budget[2] * scale),
                    "reference", "Dự toán 2024 (dữ liệu mẫu)"));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(benefitsUrl + "/api/budgets"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the demo budget was refused: " + response.body());
            }
        }
    }

    private static JsonNode get(String url, String authorization) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
