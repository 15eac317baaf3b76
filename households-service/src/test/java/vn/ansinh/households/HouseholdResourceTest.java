package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HouseholdResourceTest {

    @Test
    void registeringAHouseholdStoresItAndPublishesItsEvent() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("code", "BG-SD-000123", "areaCode", "07168", "address", "Thôn Nà Hem, xã An Lập",
                        "headName", "Hoàng Văn Dũng"))
                .when().post("/api/households")
                .then().statusCode(201)
                .header("Location", containsString("/api/households/"))
                .extract().path("id");

        given().when().get("/api/households/" + id)
                .then().statusCode(200)
                .body("code", equalTo("BG-SD-000123"))
                .body("headName", equalTo("Hoàng Văn Dũng"));

        List<ConsumerRecord<String, byte[]>> records = Topics.readUntil(HouseholdEvents.TOPIC,
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> event = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        EventContracts.assertConforms(event);
        assertEquals(HouseholdEvents.REGISTERED, Topics.header(event, "ce_type"));
        assertEquals("/ansinh/households", Topics.header(event, "ce_source"));
    }

    @Test
    void anInvalidRegistrationIsRefusedFieldByFieldAndChangesNothing() {
        int before = given().get("/api/households?size=1").then().extract().path("total");

        given().contentType(ContentType.JSON)
                .body(Map.of("code", "bad code!", "areaCode", "7168", "address", " "))
                .when().post("/api/households")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("code", "areaCode", "address", "headName"))
                .body("errors.find { it.field == 'areaCode' }.message",
                        equalTo("must be the 5-digit General Statistics Office code of a commune"));

        given().get("/api/households?size=1").then().body("total", equalTo(before));
    }

    @Test
    void aSecondHouseholdWithTheSameCodeIsRefused() {
        Map<String, String> household = Map.of("code", "BG-LN-000777", "areaCode", "07282", "address", "Xã Tân Mộc",
                "headName", "Lý Thị Mai");
        given().contentType(ContentType.JSON).body(household).post("/api/households").then().statusCode(201);

        given().contentType(ContentType.JSON).body(household)
                .when().post("/api/households")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("BG-LN-000777 is already registered"));
    }

    @Test
    void unreadableJsonIsAProblemNotAServerError() {
        given().contentType(ContentType.JSON).body("{\"code\": ")
                .when().post("/api/households")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Unreadable request"));
    }

    @Test
    void anUnknownHouseholdIsNotFound() {
        given().when().get("/api/households/6f1c1f9e-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void healthIsUpWithDatabaseAndBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "outbox relay"));
    }
}
