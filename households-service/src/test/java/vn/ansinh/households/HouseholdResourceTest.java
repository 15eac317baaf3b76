package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.ansinh.platform.testing.TestTokens;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HouseholdResourceTest {

    static Map<String, Object> member(String name, String citizenId, String born, String sex, String relation) {
        Map<String, Object> member = new java.util.HashMap<>(Map.of("fullName", name, "dateOfBirth", born, "sex", sex,
                "relationToHead", relation, "ethnicity", "Tày"));
        if (citizenId != null) {
            member.put("citizenId", citizenId);
        }
        return member;
    }

    static String register(String code, String area, List<Map<String, Object>> members) {
        return given().contentType(ContentType.JSON).header(TestTokens.as("can-bo-xa-01", "province-officer"))
                .body(Map.of("code", code, "areaCode", area, "address", "Thôn Nà Hem", "headName", "Hoàng Văn Dũng",
                        "ethnicMinority", true, "members", members))
                .when().post("/api/households")
                .then().statusCode(201)
                .extract().path("household.id");
    }

    @Test
    void registeringAHouseholdWithMembersStoresItAndPublishesItsEvents() {
        String id = register("BG-SD-000123", "96003", List.of(
                member("Hoàng Văn Dũng", "024080001234", "1980-04-01", "MALE", "HEAD"),
                member("Hoàng Thị Hoa", "024312012345", "2012-05-17", "FEMALE", "CHILD")));

        given().when().get("/api/households/" + id)
                .then().statusCode(200)
                .body("household.code", equalTo("BG-SD-000123"))
                .body("household.createdBy", equalTo("can-bo-xa-01"))
                .body("members", hasSize(2));

        List<ConsumerRecord<String, byte[]>> records = Topics.readUntil(HouseholdEvents.TOPIC,
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).toList();
        records.forEach(EventContracts::assertConforms);
        assertEquals(List.of(HouseholdEvents.REGISTERED), records.stream().map(r -> Topics.header(r, "ce_type")).toList(),
                "one event: the members registered with the household travel in it");
        assertEquals(List.of("Hoàng Văn Dũng", "Hoàng Thị Hoa"),
                JsonPath.from(new String(records.get(0).value(), StandardCharsets.UTF_8)).getList("members.fullName"));
        assertEquals("/ansinh/households", Topics.header(records.get(0), "ce_source"));
    }

    @Test
    void anInvalidRegistrationIsRefusedFieldByFieldAndChangesNothing() {
        int before = given().get("/api/households?size=1").then().extract().path("total");

        given().contentType(ContentType.JSON)
                .body(Map.of("code", "bad code!", "areaCode", "7168", "address", " ",
                        "members", List.of(Map.of("fullName", "", "sex", "MALE"))))
                .when().post("/api/households")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("code", "areaCode", "address", "headName", "members[0].fullName",
                        "members[0].dateOfBirth", "members[0].relationToHead", "members[0].ethnicity"))
                .body("errors.find { it.field == 'areaCode' }.message",
                        equalTo("must be the 5-digit General Statistics Office code of a commune"));

        given().get("/api/households?size=1").then().body("total", equalTo(before));
    }

    @Test
    void aHouseholdBelongsToACommuneThatExists() {
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "BG-X-1", "areaCode", "99999", "address", "x", "headName", "y"))
                .when().post("/api/households")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("areaCode"))
                .body("errors[0].message", equalTo("no administrative unit has code 99999"));
    }

    @Test
    void aSecondHouseholdWithTheSameCodeIsRefused() {
        register("BG-LN-000777", "95005", List.of());

        given().contentType(ContentType.JSON)
                .body(Map.of("code", "BG-LN-000777", "areaCode", "95005", "address", "x", "headName", "y"))
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

        given().contentType(ContentType.JSON)
                .body(Map.of("code", "BG-X-2", "areaCode", "96003", "address", "x", "headName", "y",
                        "members", List.of(member("A", null, "1990-01-01", "UNKNOWN", "HEAD"))))
                .when().post("/api/households")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("members[0].sex"));
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
