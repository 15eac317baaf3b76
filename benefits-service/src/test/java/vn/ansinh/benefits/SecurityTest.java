package vn.ansinh.benefits;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import vn.ansinh.benefits.EntitlementTest.Family;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.TestTokens;

/** Roles, area scope and masking on the benefits API. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SecurityTest {

    private static final Header PROVINCE = TestTokens.as("so-ldtbxh", "province-officer");
    private static final Header APPROVER = TestTokens.as("truong-phong", "approver");
    private static final Header INSPECTOR = TestTokens.as("thanh-tra", "inspector");
    private static final Header COMMUNE_HERE = TestTokens.of("can-bo-96003", "commune-officer").area("96003").header();
    private static final Header COMMUNE_ELSEWHERE = TestTokens.of("can-bo-95011", "commune-officer").area("95011")
            .header();
    private static final Header DISTRICT_220 = TestTokens.of("can-bo-220", "district-officer").area("220").header();
    private static final Header DISTRICT_219 = TestTokens.of("can-bo-219", "district-officer").area("219").header();

    private static Family poorFamily() {
        Family family = Family.register("220");
        family.classify(2023, "POOR", null);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> given().header(PROVINCE)
                .get("/api/entitlements?household=" + family.id()).then().body("total", greaterThan(0)));
        return family;
    }

    @Test
    void withoutATokenNothingAnswersButHealth() {
        given().noFilters().get("/api/programmes").then().statusCode(401).contentType("application/problem+json");
        given().noFilters().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void officersActInTheirAreaOnlyAndTheApproverDecides() {
        Family family = poorFamily();
        Map<String, Object> housing = Map.of("programme", "HOUSING", "householdId", family.id(),
                "fundingSource", "CENTRAL", "kind", "NEW_BUILD");

        given().header(COMMUNE_ELSEWHERE).get("/api/households/" + family.id()).then().statusCode(404);
        given().header(COMMUNE_ELSEWHERE).get("/api/entitlements?household=" + family.id()).then().statusCode(404);
        given().header(COMMUNE_ELSEWHERE).get("/api/entitlements?area=96003").then().statusCode(403)
                .body("errors[0].field", equalTo("area"));
        given().header(COMMUNE_ELSEWHERE).get("/api/entitlements").then().statusCode(200).body("total", equalTo(0));
        given().header(COMMUNE_ELSEWHERE).contentType(ContentType.JSON).body(housing).post("/api/applications")
                .then().statusCode(404);
        given().header(COMMUNE_HERE).get("/api/entitlements?size=500").then().statusCode(200)
                .body("total", greaterThan(0));

        String id = given().header(COMMUNE_HERE).contentType(ContentType.JSON).body(housing).post("/api/applications")
                .then().statusCode(201).body("submittedBy", equalTo("can-bo-96003")).extract().path("id");
        given().header(DISTRICT_219).get("/api/applications/" + id).then().statusCode(404);
        given().header(DISTRICT_220).get("/api/applications?size=500").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(id));

        // deciding is the approver's: an officer, even of the province, is refused
        given().header(PROVINCE).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/applications/" + id + "/decision").then().statusCode(403);
        given().header(APPROVER).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/applications/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("truong-phong"));
        // and the approver changes nothing else
        given().header(APPROVER).contentType(ContentType.JSON).body(Map.of("on", "2024-03-01"))
                .post("/api/applications/" + id + "/disbursement").then().statusCode(403);
    }

    @Test
    void aDistrictOfficerPreparesCyclesOfTheirDistrictOnly() {
        Map<String, Object> other = Map.of("programme", "HEALTH_INSURANCE", "period", "2023",
                "fundingSource", "CENTRAL", "districtCode", "219");
        given().header(DISTRICT_220).contentType(ContentType.JSON).body(other).post("/api/payment-cycles").then()
                .statusCode(403).body("errors[0].field", equalTo("districtCode"));
        given().header(DISTRICT_220).contentType(ContentType.JSON)
                .body(Map.of("programme", "HEALTH_INSURANCE", "period", "2023", "fundingSource", "CENTRAL"))
                .post("/api/payment-cycles").then().statusCode(403);
        given().header(COMMUNE_HERE).contentType(ContentType.JSON).body(other).post("/api/payment-cycles").then()
                .statusCode(403);
    }

    @Test
    void inspectorsAndAgenciesReadAndChangeNothing() {
        Family family = poorFamily();
        for (Header reader : new Header[] { INSPECTOR, TestTokens.as("vbsp", "agency") }) {
            given().header(reader).get("/api/entitlements?household=" + family.id()).then().statusCode(200);
            given().header(reader).contentType(ContentType.JSON)
                    .body(Map.of("programme", "HEALTH_INSURANCE", "year", 2024, "fundingSource", "CENTRAL",
                            "amountVnd", 1_000, "reference", "x"))
                    .post("/api/budgets").then().statusCode(403);
            given().header(reader).contentType(ContentType.JSON)
                    .body(Map.of("name", "BASE_SALARY", "validFrom", "2030-01-01", "value", 1, "unit", "VND",
                            "legalBasis", "x"))
                    .post("/api/parameters").then().statusCode(403);
        }

        given().header(INSPECTOR).get("/api/households/" + family.id()).then().statusCode(200)
                .body("members.dateOfBirth", everyItem(nullValue()))
                .body("members[0].masked", contains("dateOfBirth"));
        Header bank = TestTokens.of("vbsp-api", "agency").client("vbsp").scopes("personal:birth-date").header();
        given().header(bank).get("/api/households/" + family.id()).then().statusCode(400)
                .body("errors[0].field", equalTo("X-Purpose"));
        given().header(bank).header("X-Purpose", "loan-appraisal-2024-117").get("/api/households/" + family.id())
                .then().statusCode(200)
                .body("members.dateOfBirth", org.hamcrest.Matchers.hasItem("1980-04-01"))
                .body("members[0].masked", empty());
        given().header(INSPECTOR).get("/api/personal-data-access?record=" + family.id()).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].client", equalTo("vbsp"))
                .body("items[0].fields", equalTo("dateOfBirth"))
                .body("items[0].purpose", equalTo("loan-appraisal-2024-117"));
    }
}
