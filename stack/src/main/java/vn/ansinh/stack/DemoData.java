package vn.ansinh.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads a handful of demo households through the registry's API when the registry is empty.
 * The demo province's full survey replaces this once the registry can import it (issue 3).
 */
final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record DemoHousehold(String code, String areaCode, String address, String headName) {
    }

    /** Communes of Sơn Động, Lục Ngạn and Bắc Giang city (synthetic commune codes of the seeded areas). */
    static final List<DemoHousehold> HOUSEHOLDS = List.of(
            new DemoHousehold("BG-SD-000001", "96003", "Thôn Nà Hem, Xã Sơn Động 03", "Hoàng Văn Dũng"),
            new DemoHousehold("BG-SD-000002", "96003", "Thôn Biểng, Xã Sơn Động 03", "Triệu Thị Lan"),
            new DemoHousehold("BG-SD-000003", "96010", "Thôn Văn Non, Xã Sơn Động 10", "Lường Văn Thắng"),
            new DemoHousehold("BG-LN-000001", "95005", "Thôn Phì, Xã Lục Ngạn 05", "Lý Thị Mai"),
            new DemoHousehold("BG-LN-000002", "95005", "Thôn Chể, Xã Lục Ngạn 05", "Vi Văn Hùng"),
            new DemoHousehold("BG-TP-000001", "90001", "Số 12 đường Trần Phú, Phường Bắc Giang 01", "Nguyễn Văn An"));

    private DemoData() {
    }

    /** @return the number of households registered (0 when the registry already had some) */
    static int loadIfEmpty(String householdsUrl) throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(householdsUrl + "/api/households?size=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (JSON.readTree(page.body()).path("total").asLong() > 0) {
            return 0;
        }
        for (DemoHousehold household : HOUSEHOLDS) {
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(householdsUrl + "/api/households"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(household))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("demo household " + household.code() + " refused: " + created.body());
            }
        }
        return HOUSEHOLDS.size();
    }
}
