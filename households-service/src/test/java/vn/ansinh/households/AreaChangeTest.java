package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ansinh.households.HouseholdResourceTest.register;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import vn.ansinh.platform.testing.TestTokens;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AreaChangeTest {

    private static ValidatableResponse change(String code, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(TestTokens.as("so-noi-vu", "province-officer")).body(body)
                .when().post("/api/areas/" + code + "/changes").then();
    }

    private static Map<String, Object> request(String kind, Object... fields) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "effectiveDate", "2025-07-01"));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    @Inject
    DataSource dataSource;

    @Test
    void unitsAndStandardsAreNeverDeletedOrRenumbered() throws Exception {
        // households and surveys name them without a foreign key (V9): the triggers keep every name valid
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String change : List.of("DELETE FROM area WHERE code = '91008'",
                    "UPDATE area SET code = '91999' WHERE code = '91008'",
                    "DELETE FROM poverty_standard WHERE id = 'VN-2022-2025'",
                    "UPDATE poverty_standard SET id = 'VN-2022' WHERE id = 'VN-2022-2025'")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(change), change);
                assertTrue(refused.getMessage().contains("never deleted or renumbered"), refused.getMessage());
            }
        }
        given().get("/api/areas/91008").then().statusCode(200);
    }

    @Test
    void aRenamedCommuneKeepsItsHistory() {
        change("91008", request("RENAMED", "newName", "Xã Đồng Hưu")).statusCode(201)
                .body("oldName", equalTo("Xã Yên Thế 08")).body("recordedBy", equalTo("so-noi-vu"));
        given().get("/api/areas/91008").then().body("name", equalTo("Xã Đồng Hưu"));
        given().get("/api/areas/91008/changes").then().body("kind", equalTo(List.of("RENAMED")))
                .body("[0].newName", equalTo("Xã Đồng Hưu"));

        // every unit was announced once at startup, and the renamed one again with its new name
        List<ConsumerRecord<String, byte[]>> announced = Topics.readUntil(HouseholdEvents.AREA_TOPIC,
                read -> read.stream().filter(r -> "91008".equals(r.key())).count() == 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> commune = announced.stream().filter(r -> "91008".equals(r.key())).toList();
        commune.forEach(EventContracts::assertConforms);
        assertEquals("Xã Yên Thế 08", JsonPath.from(Topics.value(commune.get(0))).getString("name"));
        assertEquals("Xã Đồng Hưu", JsonPath.from(Topics.value(commune.get(1))).getString("name"));
        assertEquals("215", JsonPath.from(Topics.value(commune.get(1))).getString("parentCode"));
        assertEquals(true, announced.stream().anyMatch(r -> "24".equals(r.key())), "the province is announced");
    }

    @Test
    void aMergedCommuneHandsItsHouseholdsToItsSuccessorAndSurveysKeepTheirYearsCommune() {
        String id = register("BG-A-001", "91005", List.of());
        given().contentType(ContentType.JSON).body(Map.of("incomePerPersonMonth", 900_000, "deprivations", List.of()))
                .put("/api/households/" + id + "/surveys/2023").then().statusCode(200);

        change("91005", request("MERGED", "successorCode", "91006")).statusCode(201).body("householdsMoved",
                equalTo(1));

        given().get("/api/areas/91005").then().body("validTo", equalTo("2025-07-01"))
                .body("successorCode", equalTo("91006"));
        given().get("/api/households/" + id).then().body("household.areaCode", equalTo("91006"));
        given().get("/api/households/" + id + "/surveys").then().body("[0].areaCode", equalTo("91005"));
        given().get("/api/households/" + id + "/audit").then().body("[0].action", equalTo("household.updated"))
                .body("[0].actor", equalTo("so-noi-vu"));
        // a merged commune takes no households and changes no more
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "BG-A-002", "areaCode", "91005", "address", "x", "headName", "y"))
                .post("/api/households").then().statusCode(400)
                .body("errors[0].message", equalTo("commune 91005 no longer exists; it was merged into 91006"));
        change("91005", request("RENAMED", "newName", "x")).statusCode(409);
    }

    @Test
    void aCommuneMovedToAnotherDistrictAnnouncesItsHouseholdsWithTheNewDistrict() {
        String id = register("BG-A-003", "91007", List.of());

        change("91007", request("MOVED", "newParentCode", "216")).statusCode(201)
                .body("oldParent", equalTo("215")).body("householdsMoved", equalTo(1));

        List<ConsumerRecord<String, byte[]>> updates = Topics.readUntil(HouseholdEvents.TOPIC,
                read -> read.stream().anyMatch(r -> id.equals(r.key())
                        && HouseholdEvents.UPDATED.equals(Topics.header(r, "ce_type"))), Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key()) && HouseholdEvents.UPDATED.equals(Topics.header(r, "ce_type")))
                .toList();
        EventContracts.assertConforms(updates.get(0));
        assertEquals("216", JsonPath.from(new String(updates.get(0).value(), StandardCharsets.UTF_8))
                .getString("districtCode"));
        given().get("/api/areas?parent=216").then().body("code.contains('91007')", equalTo(true));

        change("91007", request("MOVED", "newParentCode", "215")).statusCode(201); // back, for the other tests
    }

    @Test
    void importProgressAndTheEventPlumbingAreExposedToPrometheus() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String metric : List.of("ansinh_import_running ", "ansinh_import_rows_total ", "ansinh_import_rows_applied ",
                "ansinh_outbox_backlog ")) {
            assertEquals(true, metrics.contains(metric), metric);
        }
    }

    @Test
    void aChangeThatCannotBeIsRefusedFieldByField() {
        change("91004", request("MOVED", "newParentCode", "91003")).statusCode(400)
                .body("errors[0].field", equalTo("newParentCode"))
                .body("errors[0].message", equalTo("a commune belongs to a district, and 91003 is a commune"));
        change("91004", request("MERGED")).statusCode(400).body("errors[0].field", equalTo("successorCode"));
        change("91004", request("RENAMED", "effectiveDate", LocalDate.now().plusDays(3).toString(), "newName", "y"))
                .statusCode(400).body("errors[0].field", equalTo("effectiveDate"));
        change("215", request("MERGED", "successorCode", "216")).statusCode(400).body("errors[0].field",
                equalTo("kind"));
        change("91004", Map.of("kind", "SPLIT", "effectiveDate", "2025-07-01")).statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        change("99999", request("RENAMED", "newName", "z")).statusCode(404);
        given().get("/api/areas/91004/changes").then().body("size()", equalTo(0));
    }
}
