package vn.ansinh.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;
import vn.ansinh.reporting.messaging.RegistryEvents;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RegisteredHouseholdsTest {

    @Test
    void eachHouseholdIsCountedOnceInItsCommuneWhateverTheRedeliveries() {
        // other tests of this JVM register households too: counted from what is there already
        int total = registered("total");
        int inSonDong = registered("areas.find { it.areaCode == '96003' }.households");
        int inYenThe = registered("areas.find { it.areaCode == '07450' }.households");
        byte[] example = EventContracts.examples(RegistryEvents.TOPIC, RegistryEvents.REGISTERED).get(0);
        UUID eventId = UUID.randomUUID();
        String key = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
        Topics.sendEvent(RegistryEvents.TOPIC, key, RegistryEvents.REGISTERED, example, eventId);
        // the same event again (a redelivery), and the same fact under a new event id (a relay resend after a crash is the former; a producer bug the latter)
        Topics.sendEvent(RegistryEvents.TOPIC, key, RegistryEvents.REGISTERED, example, eventId);
        Topics.sendEvent(RegistryEvents.TOPIC, key, RegistryEvents.REGISTERED, example, UUID.randomUUID());
        for (int i = 0; i < 2; i++) {
            String id = UUID.randomUUID().toString();
            Topics.sendEvent(RegistryEvents.TOPIC, id, RegistryEvents.REGISTERED,
                    ("{\"householdId\":\"" + id + "\",\"code\":\"BG-YT-" + i + "\",\"areaCode\":\"07450\","
                            + "\"registeredAt\":\"2024-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8),
                    UUID.randomUUID());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(total + 3, registered("total")));
        assertEquals(inSonDong + 1, registered("areas.find { it.areaCode == '96003' }.households"));
        assertEquals(inYenThe + 2, registered("areas.find { it.areaCode == '07450' }.households"));
    }

    /** A figure of the registered-households indicator, 0 where it has none. */
    private static int registered(String path) {
        Integer value = given().get("/api/indicators/registered-households").then().statusCode(200)
                .extract().path(path);
        return value == null ? 0 : value;
    }
}
