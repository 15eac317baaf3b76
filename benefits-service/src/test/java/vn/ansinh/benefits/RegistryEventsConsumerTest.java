package vn.ansinh.benefits;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.benefits.messaging.RegistryEvents;
import vn.ansinh.platform.consumer.ConsumerLoop;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RegistryEventsConsumerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyExampleOfTheContractBecomesALocalCopy() throws Exception {
        for (byte[] example : EventContracts.examples(RegistryEvents.TOPIC, RegistryEvents.REGISTERED)) {
            JsonNode payload = MAPPER.readTree(example);
            String id = payload.get("householdId").asText();
            Topics.sendEvent(RegistryEvents.TOPIC, id, RegistryEvents.REGISTERED, example, UUID.randomUUID());

            List<Integer> years = new ArrayList<>();
            payload.path("classifications").forEach(c -> years.add(c.get("year").asInt()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/households/" + id)
                    .then().statusCode(200)
                    .body("code", equalTo(payload.get("code").asText()))
                    .body("areaCode", equalTo(payload.get("areaCode").asText()))
                    .body("classifications.year", equalTo(years)));
            if (!years.isEmpty()) {
                // each classification carried by the registration granted the following year's
                // entitlements, as its own household.classified would have
                given().get("/api/entitlements?household=" + id + "&size=100").then()
                        .body("items.surveyYear", hasItems(years.toArray(Integer[]::new)));
            }
        }
    }

    @Test
    void aRegistrationWithoutItsCodeIsDeadLettered() {
        String id = UUID.randomUUID().toString();
        byte[] broken = ("{\"householdId\":\"" + id + "\",\"areaCode\":\"07168\",\"registeredAt\":\"2024-01-01T00:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        Topics.sendEvent(RegistryEvents.TOPIC, id, RegistryEvents.REGISTERED, broken, UUID.randomUUID());

        Topics.readUntil("benefits.dead-letter.v1", read -> read.stream().anyMatch(r -> id.equals(r.key())
                && Topics.header(r, ConsumerLoop.DEAD_LETTER_REASON).contains("needs householdId, code")),
                Duration.ofSeconds(30));
        given().get("/api/households/" + id).then().statusCode(404).contentType("application/problem+json");
    }
}
