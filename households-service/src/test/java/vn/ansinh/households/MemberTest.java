package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.ansinh.households.HouseholdResourceTest.member;
import static vn.ansinh.households.HouseholdResourceTest.register;
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
class MemberTest {

    @Test
    void anInvalidCitizenIdIsRefusedWithTheReason() {
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "BG-M-001", "areaCode", "96003", "address", "x", "headName", "y", "members",
                        List.of(member("Lý Văn Bảo", "024185001234", "1985-02-02", "MALE", "HEAD"))))
                .when().post("/api/households")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("members[0].citizenId"))
                .body("errors[0].message", equalTo("digit 4 is 1 but a male born in 1985 has 0"));
        given().get("/api/households?name=Lý Văn Bảo").then().body("total", equalTo(0));
    }

    @Test
    void theSameCitizenIdTwiceInOneRequestIsRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "BG-M-002", "areaCode", "96003", "address", "x", "headName", "y", "members",
                        List.of(member("A", "024090001111", "1990-01-01", "MALE", "HEAD"),
                                member("B", "024090001111", "1990-01-01", "MALE", "SIBLING"))))
                .when().post("/api/households")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("members[1].citizenId"))
                .body("errors[0].message", equalTo("repeats the citizen ID of members[0]"));
    }

    @Test
    void aCitizenIdActiveInOneHouseholdCannotJoinAnotherUntilTheMemberLeaves() {
        String first = register("BG-M-003", "96003", List.of(member("Vi Văn Hùng", "024075002222", "1975-06-01",
                "MALE", "HEAD")));
        String second = register("BG-M-004", "95005", List.of());
        Map<String, Object> sameMan = member("Vi Văn Hùng", "024075002222", "1975-06-01", "MALE", "OTHER");

        given().contentType(ContentType.JSON).body(sameMan)
                .when().post("/api/households/" + second + "/members")
                .then().statusCode(409)
                .body("errors[0].field", equalTo("citizenId"))
                .body("errors[0].message", containsString("already an active member of household BG-M-003"));

        String memberId = given().get("/api/households/" + first + "/members").then().extract().path("[0].id");
        given().contentType(ContentType.JSON).header(TestTokens.as("can-bo-huyen", "province-officer"))
                .body(Map.of("leftOn", "2024-03-01", "reason", "MOVED_OUT"))
                .when().post("/api/households/" + first + "/members/" + memberId + "/departure")
                .then().statusCode(200).body("active", equalTo(false));

        given().contentType(ContentType.JSON).body(sameMan)
                .when().post("/api/households/" + second + "/members")
                .then().statusCode(201);
        given().get("/api/households?citizenId=024075002222").then().body("total", equalTo(2));
        given().get("/api/households/" + first + "/audit").then()
                .body("action", hasItem("member.removed"))
                .body("find { it.action == 'member.removed' }.actor", equalTo("can-bo-huyen"));
    }

    @Test
    void correctingAMemberChangesItAndAnIdenticalCorrectionChangesNothing() {
        String id = register("BG-M-005", "96003", List.of(member("Triệu Thị Lan", null, "1950-01-01", "FEMALE",
                "HEAD")));
        String memberId = given().get("/api/households/" + id + "/members").then().extract().path("[0].id");
        Map<String, Object> corrected = member("Triệu Thị Lan", null, "1950-01-01", "FEMALE", "HEAD");
        corrected.put("disability", true);
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(corrected)
                    .when().put("/api/households/" + id + "/members/" + memberId)
                    .then().statusCode(200).body("disability", equalTo(true));
        }
        given().get("/api/households/" + id + "/audit").then()
                .body("findAll { it.action == 'member.updated' }.size()", equalTo(1));
    }

    @Test
    void aMemberMovesToAnotherHouseholdAndBothHouseholdsAnnounceIt() {
        String from = register("BG-M-006", "96003", List.of(member("Nông Thị Mai", "024198003333", "1998-07-07",
                "FEMALE", "CHILD")));
        String to = register("BG-M-007", "95005", List.of());
        String memberId = given().get("/api/households/" + from + "/members").then().extract().path("[0].id");

        String joined = given().contentType(ContentType.JSON).header(TestTokens.as("can-bo-xa", "province-officer"))
                .body(Map.of("toHouseholdId", to, "movedOn", "2024-05-01", "relationToHead", "SPOUSE"))
                .when().post("/api/households/" + from + "/members/" + memberId + "/move")
                .then().statusCode(201)
                .body("householdId", equalTo(to))
                .body("citizenId", equalTo("024198003333"))
                .body("relationToHead", equalTo("SPOUSE"))
                .extract().path("id");

        given().get("/api/households/" + from + "/members").then()
                .body("[0].active", equalTo(false)).body("[0].leftReason", equalTo("MOVED_OUT"));
        given().get("/api/households?citizenId=024198003333").then().body("total", equalTo(2));
        List<ConsumerRecord<String, byte[]>> events = Topics.readUntil(HouseholdEvents.TOPIC,
                read -> read.stream().anyMatch(r -> to.equals(r.key())
                        && HouseholdEvents.MEMBER_MOVED.equals(Topics.header(r, "ce_type")))
                        && read.stream().anyMatch(r -> from.equals(r.key())
                                && HouseholdEvents.MEMBER_REMOVED.equals(Topics.header(r, "ce_type"))),
                Duration.ofSeconds(30))
                .stream().filter(r -> HouseholdEvents.MEMBER_REMOVED.equals(Topics.header(r, "ce_type"))
                        && from.equals(r.key()) || HouseholdEvents.MEMBER_MOVED.equals(Topics.header(r, "ce_type"))
                                && to.equals(r.key()))
                .toList();
        assertEquals(2, events.size());
        events.forEach(EventContracts::assertConforms);
        JsonPath moved = JsonPath.from(new String(events.stream().filter(r -> to.equals(r.key())).findFirst()
                .orElseThrow().value(), StandardCharsets.UTF_8));
        assertEquals(List.of(from, memberId, joined), List.of(moved.getString("fromHouseholdId"),
                moved.getString("previousMemberId"), moved.getString("memberId")));

        given().contentType(ContentType.JSON)
                .body(Map.of("toHouseholdId", to, "movedOn", "2024-05-01", "relationToHead", "SPOUSE"))
                .when().post("/api/households/" + from + "/members/" + memberId + "/move")
                .then().statusCode(409);
        given().contentType(ContentType.JSON)
                .body(Map.of("toHouseholdId", from, "movedOn", "2024-05-01", "relationToHead", "CHILD"))
                .when().post("/api/households/" + to + "/members/" + joined + "/move")
                .then().statusCode(201);
    }
}
