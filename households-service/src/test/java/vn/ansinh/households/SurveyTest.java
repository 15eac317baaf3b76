package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.ansinh.households.HouseholdResourceTest.register;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.ansinh.platform.testing.TestTokens;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SurveyTest {

    private static ValidatableResponse survey(String id, int year, long income, String... deprivations) {
        return given().contentType(ContentType.JSON).header(TestTokens.as("dieu-tra-vien", "province-officer"))
                .body(Map.of("incomePerPersonMonth", income, "deprivations", List.of(deprivations)))
                .when().put("/api/households/" + id + "/surveys/" + year)
                .then();
    }

    @Test
    void aHouseholdClimbsOutOfPovertyAndIsNewlyEscapedForThreeSurveys() {
        String id = register("BG-S-001", "96003", List.of());

        survey(id, 2021, 1_200_000, "EMPLOYMENT", "NUTRITION", "HEALTH_INSURANCE", "LATRINE").statusCode(200)
                .body("category", equalTo("POOR")).body("previousCategory", nullValue())
                .body("standardId", equalTo("VN-2022-2025"))
                .body("reason", containsString("Nghị định 07/2021/NĐ-CP"));
        survey(id, 2022, 1_400_000, "NUTRITION", "LATRINE").statusCode(200)
                .body("category", equalTo("NEAR_POOR")).body("previousCategory", equalTo("POOR"))
                .body("newlyEscaped", equalTo(false));
        survey(id, 2023, 2_000_000, "LATRINE").statusCode(200)
                .body("category", equalTo("AVERAGE_LIVING_STANDARD")).body("newlyEscapedSince", equalTo(2023));
        survey(id, 2024, 2_600_000).statusCode(200)
                .body("category", equalTo("NOT_POOR")).body("newlyEscapedSince", equalTo(2023));
        survey(id, 2025, 2_700_000).statusCode(200).body("newlyEscapedSince", equalTo(2023));

        given().get("/api/households/" + id + "/surveys").then().statusCode(200)
                .body("year", equalTo(List.of(2021, 2022, 2023, 2024, 2025)))
                .body("category", equalTo(List.of("POOR", "NEAR_POOR", "AVERAGE_LIVING_STANDARD", "NOT_POOR",
                        "NOT_POOR")));

        List<ConsumerRecord<String, byte[]>> classified = Topics.readUntil(HouseholdEvents.TOPIC,
                read -> classifiedOf(read, id).size() >= 5, Duration.ofSeconds(30));
        classifiedOf(classified, id).forEach(EventContracts::assertConforms);
    }

    @Test
    void correctingAnEarlierSurveyDerivesTheLaterOnesAgain() {
        String id = register("BG-S-002", "96003", List.of());
        survey(id, 2021, 1_000_000, "EMPLOYMENT", "NUTRITION", "LATRINE");
        survey(id, 2022, 1_000_000, "EMPLOYMENT", "NUTRITION", "LATRINE");
        survey(id, 2023, 2_600_000);
        survey(id, 2024, 2_600_000);
        survey(id, 2025, 2_600_000);
        given().get("/api/households/" + id + "/surveys").then()
                .body("newlyEscapedSince", equalTo(java.util.Arrays.asList(null, null, 2023, 2023, 2023)));

        // the 2022 survey is corrected: the household had already left poverty that year
        survey(id, 2022, 2_600_000).statusCode(200).body("newlyEscapedSince", equalTo(2022));

        given().get("/api/households/" + id + "/surveys").then()
                .body("previousCategory", equalTo(java.util.Arrays.asList(null, "POOR", "NOT_POOR", "NOT_POOR",
                        "NOT_POOR")))
                // escaped in 2022, so 2025 is past the three survey years
                .body("newlyEscapedSince", equalTo(java.util.Arrays.asList(null, 2022, 2022, 2022, null)));
    }

    @Test
    void theSameAnswersAgainChangeNothing() {
        String id = register("BG-S-003", "96003", List.of());
        String first = survey(id, 2023, 1_500_000, "NUTRITION", "LATRINE", "TELECOM").statusCode(200)
                .body("category", equalTo("POOR")).extract().path("recordedAt");
        String again = survey(id, 2023, 1_500_000, "TELECOM", "LATRINE", "NUTRITION").statusCode(200)
                .extract().path("recordedAt");

        assertEquals(first, again);
        given().get("/api/households/" + id + "/audit").then()
                .body("findAll { it.action.startsWith('survey') }.size()", equalTo(1))
                .body("find { it.action == 'survey.recorded' }.actor", equalTo("dieu-tra-vien"));
    }

    @Test
    void anUrbanHouseholdIsJudgedByTheUrbanLines() {
        String urban = register("BG-S-004", "90001", List.of());
        String rural = register("BG-S-005", "96003", List.of());
        survey(urban, 2023, 1_800_000, "NUTRITION", "LATRINE", "TELECOM").body("category", equalTo("POOR"))
                .body("urban", equalTo(true));
        survey(rural, 2023, 1_800_000, "NUTRITION", "LATRINE", "TELECOM")
                .body("category", equalTo("AVERAGE_LIVING_STANDARD"));
    }

    @Test
    void answersTheStandardDoesNotKnowAreRefused() {
        String id = register("BG-S-006", "96003", List.of());
        survey(id, 2023, 1_000_000, "NUTRITION", "HEALTH_SERVICES_ACCESS").statusCode(400)
                .body("errors[0].field", equalTo("deprivations"))
                .body("errors[0].message", containsString("not indicators of VN-2022-2025: HEALTH_SERVICES_ACCESS"));
        survey(id, 2010, 1_000_000).statusCode(400)
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].message", containsString("no poverty standard covers survey year 2010"));
        survey(id, 2023, -5).statusCode(400).body("errors[0].field", equalTo("incomePerPersonMonth"));
        given().get("/api/households/" + id + "/surveys").then().body("size()", equalTo(0));
    }

    @Test
    void theRegistryIsSearchedByAreaCategoryYearAndName() {
        String poor = register("BG-S-007", "96004", List.of());
        String notPoor = register("BG-S-008", "96004", List.of());
        survey(poor, 2022, 900_000, "NUTRITION", "LATRINE", "TELECOM");
        survey(notPoor, 2022, 4_000_000);

        given().get("/api/households?area=96004&year=2022&category=POOR").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].code", equalTo("BG-S-007"));
        given().get("/api/households?area=220&year=2022").then().body("items.code",
                org.hamcrest.Matchers.hasItems("BG-S-007", "BG-S-008"));
        given().get("/api/households?area=24&name=hoàng văn&size=1").then().body("items", org.hamcrest.Matchers.hasSize(1));
        given().get("/api/households?category=POOR").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().get("/api/households?category=RICH&year=2022").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
    }

    private static List<ConsumerRecord<String, byte[]>> classifiedOf(List<ConsumerRecord<String, byte[]>> records,
            String id) {
        return records.stream().filter(r -> id.equals(r.key())
                && HouseholdEvents.CLASSIFIED.equals(Topics.header(r, "ce_type"))).toList();
    }
}
