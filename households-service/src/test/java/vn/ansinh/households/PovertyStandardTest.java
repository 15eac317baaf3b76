package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.ansinh.platform.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PovertyStandardTest {

    private static final List<String> TWELVE = List.of("EMPLOYMENT", "DEPENDANTS", "NUTRITION", "HEALTH_INSURANCE",
            "ADULT_EDUCATION", "CHILD_SCHOOL_ATTENDANCE", "HOUSING_QUALITY", "FLOOR_AREA", "WATER_SOURCE", "LATRINE",
            "TELECOM", "INFORMATION_ACCESS");
    private static final List<String> TEN = List.of("HEALTH_SERVICES_ACCESS", "HEALTH_INSURANCE", "ADULT_EDUCATION",
            "CHILD_SCHOOL_ATTENDANCE", "HOUSING_QUALITY", "FLOOR_AREA", "WATER_SOURCE", "LATRINE", "TELECOM",
            "INFORMATION_ASSETS");

    /** Every boundary of Decree 07/2021 (2022–2025) and of Decision 59/2015 (2016–2020). */
    @ParameterizedTest(name = "{0}: {1} VND, {2} deprivations, urban {3} -> {4}")
    @CsvSource({
        "VN-2022-2025, 1500000,  3, false, POOR",
        "VN-2022-2025, 1500000,  2, false, NEAR_POOR",
        "VN-2022-2025,       0,  0, false, NEAR_POOR",
        "VN-2022-2025, 1500001, 12, false, AVERAGE_LIVING_STANDARD",
        "VN-2022-2025, 2250000,  0, false, AVERAGE_LIVING_STANDARD",
        "VN-2022-2025, 2250001,  5, false, NOT_POOR",
        "VN-2022-2025, 2000000,  3, true,  POOR",
        "VN-2022-2025, 2000000,  2, true,  NEAR_POOR",
        "VN-2022-2025, 2000001, 12, true,  AVERAGE_LIVING_STANDARD",
        "VN-2022-2025, 3000000,  0, true,  AVERAGE_LIVING_STANDARD",
        "VN-2022-2025, 3000001,  0, true,  NOT_POOR",
        "VN-2022-2025, 1800000,  3, false, AVERAGE_LIVING_STANDARD",
        "VN-2016-2020,  700000,  0, false, POOR",
        "VN-2016-2020,  700001,  2, false, NEAR_POOR",
        "VN-2016-2020, 1000000,  3, false, POOR",
        "VN-2016-2020, 1000001,  3, false, AVERAGE_LIVING_STANDARD",
        "VN-2016-2020,  900000,  0, true,  POOR",
        "VN-2016-2020, 1300000,  2, true,  NEAR_POOR",
        "VN-2016-2020, 1950001,  0, true,  NOT_POOR"
    })
    void theStandardDecides(String standard, long income, int deprivations, boolean urban, String category) {
        List<String> codes = (standard.equals("VN-2022-2025") ? TWELVE : TEN).subList(0, deprivations);
        given().contentType(ContentType.JSON)
                .body(Map.of("incomePerPersonMonth", income, "deprivations", codes, "urban", urban))
                .when().post("/api/poverty-standards/" + standard + "/classification")
                .then().statusCode(200)
                .body("category", equalTo(category))
                .body("deprivationCount", equalTo(deprivations));
    }

    @Test
    void theStandardsArePublishedAsData() {
        given().get("/api/poverty-standards").then().statusCode(200)
                .body("id", hasItems("VN-2016-2020", "VN-2022-2025"))
                .body("find { it.id == 'VN-2022-2025' }.indicators.size()", equalTo(12))
                .body("find { it.id == 'VN-2022-2025' }.rural.poor", equalTo(1500000));
    }

    /** A new period is data: added through the API, it classifies that period's surveys. */
    @Test
    void aNewPeriodIsAddedWithoutAChangeOfCode() {
        List<Map<String, String>> indicators = new ArrayList<>();
        for (String code : Arrays.asList("EMPLOYMENT", "NUTRITION", "HEALTH_INSURANCE", "ADULT_EDUCATION",
                "HOUSING_QUALITY", "WATER_SOURCE", "LATRINE", "TELECOM", "DIGITAL_SKILLS", "SOCIAL_SERVICES")) {
            indicators.add(Map.of("code", code, "dimension", "D", "nameVi", code, "nameEn", code));
        }
        Map<String, Object> standard = Map.of("id", "TEST-2026-2030", "name", "Chuẩn nghèo thử 2026–2030",
                "legalBasis", "Nghị định thử", "firstSurveyYear", 2026, "lastSurveyYear", 2030,
                "rural", Map.of("poor", 2_200_000, "nearPoor", 2_200_000, "average", 3_000_000),
                "urban", Map.of("poor", 2_800_000, "nearPoor", 2_800_000, "average", 3_900_000),
                "minDeprivationsPoor", 4, "indicators", indicators);
        given().contentType(ContentType.JSON).body(standard).when().post("/api/poverty-standards")
                .then().statusCode(201);

        String id = HouseholdResourceTest.register("BG-P-2026", "96003", List.of());
        given().contentType(ContentType.JSON)
                .body(Map.of("incomePerPersonMonth", 2_100_000, "deprivations",
                        List.of("DIGITAL_SKILLS", "NUTRITION", "LATRINE")))
                .when().put("/api/households/" + id + "/surveys/2026")
                .then().statusCode(200)
                .body("standardId", equalTo("TEST-2026-2030"))
                .body("category", equalTo("NEAR_POOR"))
                .body("reason", containsString("thiếu hụt 3/10 chỉ số (< 4)"));

        given().contentType(ContentType.JSON).body(standard).when().post("/api/poverty-standards")
                .then().statusCode(400)
                .body("errors.field", hasItems("id", "firstSurveyYear"));
    }

    @Test
    void inconsistentLinesAreRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of("id", "BAD", "name", "x", "legalBasis", "x", "firstSurveyYear", 2040,
                        "lastSurveyYear", 2041,
                        "rural", Map.of("poor", 3_000_000, "nearPoor", 2_000_000, "average", 1_000_000),
                        "urban", Map.of("poor", 1, "nearPoor", 2, "average", 3),
                        "minDeprivationsPoor", 5,
                        "indicators", List.of(Map.of("code", "A", "dimension", "D", "nameVi", "a", "nameEn", "a"))))
                .when().post("/api/poverty-standards")
                .then().statusCode(400)
                .body("errors.field", hasItems("rural.nearPoor", "rural.average", "minDeprivationsPoor"));
        given().get("/api/poverty-standards/BAD").then().statusCode(404);
    }
}
