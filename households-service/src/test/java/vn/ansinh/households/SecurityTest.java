package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ValidatableResponse;

import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.TestTokens;

/** Who may see and change what: tokens, roles, area scope, masking of personal data, the audit of agencies' reads. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SecurityTest {

    private static final Header PROVINCE = TestTokens.as("so-ldtbxh", "province-officer");
    private static final Header INSPECTOR = TestTokens.as("thanh-tra-01", "inspector");

    private static String register(Header who, String code, String commune, String citizenId) {
        return given().contentType(ContentType.JSON).header(who)
                .body(Map.of("code", code, "areaCode", commune, "address", "Thôn Mới", "headName", "Hộ " + code,
                        "members", List.of(Map.of("fullName", "Lương Văn Tâm", "citizenId", citizenId,
                                "dateOfBirth", "1985-03-02", "sex", "MALE", "relationToHead", "HEAD",
                                "ethnicity", "Nùng", "disability", true, "socialProtectionType", "DISABLED"))))
                .when().post("/api/households").then().statusCode(201).extract().path("household.id");
    }

    private static ValidatableResponse anonymousGet(String path) {
        return given().noFilters().when().get(path).then();
    }

    @Test
    void withoutAValidTokenTheApiAnswers401AndHealthAndOpenApiStayOpen() {
        anonymousGet("/api/households").statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("title", equalTo("Unauthorized"));
        for (TestTokens.Token bad : List.of(TestTokens.of("x", "province-officer").signedByStranger(),
                TestTokens.of("x", "province-officer").lifetime(Duration.ofMinutes(-5)),
                TestTokens.of("x", "province-officer").issuer("https://evil.example/realms/ansinh"))) {
            given().noFilters().header(bad.header()).when().get("/api/households").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().noFilters().header("Authorization", "Bearer not.a.jwt").when().get("/api/areas").then()
                .statusCode(401).body("detail", not(containsString("Exception")));

        anonymousGet("/q/health/live").statusCode(200);
        anonymousGet("/q/openapi").statusCode(200).body(containsString("bearerFormat: JWT"));
    }

    @Test
    void eachRoleIsRefusedWhatItMayNotDo() {
        String id = register(PROVINCE, "SEC-ROLE-1", "96011", "024085009871");
        Map<String, Object> update = Map.of("areaCode", "96011", "address", "x", "headName", "y");
        for (Header refused : List.of(INSPECTOR, TestTokens.as("bhxh", "agency"), TestTokens.as("duyet", "approver"))) {
            given().contentType(ContentType.JSON).header(refused).body(update).when().put("/api/households/" + id)
                    .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("Forbidden"));
            given().header(refused).when().get("/api/households/" + id).then().statusCode(200);
        }
        given().contentType(ContentType.JSON).header(TestTokens.of("xa", "commune-officer").area("96011").header())
                .body(Map.of("kind", "RENAME", "effectiveDate", "2026-01-01", "newName", "Xã Mới"))
                .when().post("/api/areas/96011/changes").then().statusCode(403);
        given().header(TestTokens.as("bhxh", "agency")).when().get("/api/imports").then().statusCode(403);
        given().header(TestTokens.as("no-role")).when().get("/api/households").then().statusCode(403);
        // an officer below the province must say where
        given().header(TestTokens.as("xa", "commune-officer")).when().get("/api/households").then().statusCode(403)
                .body("detail", containsString("area"));
        // the audit of agencies' reads is for inspectors
        given().header(TestTokens.as("bhxh", "agency")).when().get("/api/personal-data-access").then().statusCode(403);
        given().header(PROVINCE).when().get("/api/personal-data-access").then().statusCode(403);
    }

    @Test
    void anOfficerSeesAndChangesOnlyHouseholdsOfTheirArea() {
        String here = register(PROVINCE, "SEC-AREA-1", "96012", "024085009872");
        String elsewhere = register(PROVINCE, "SEC-AREA-2", "95011", "024085009873");
        Header commune = TestTokens.of("can-bo-96012", "commune-officer").area("96012").header();
        Header district = TestTokens.of("can-bo-220", "district-officer").area("220").header();
        Header otherDistrict = TestTokens.of("can-bo-219", "district-officer").area("219").header();

        given().header(commune).get("/api/households/" + here).then().statusCode(200);
        given().header(district).get("/api/households/" + here).then().statusCode(200);
        given().header(otherDistrict).get("/api/households/" + here).then().statusCode(404)
                .body("detail", equalTo("No household with id " + here + "."));
        given().header(commune).get("/api/households/" + elsewhere + "/members").then().statusCode(404);
        given().header(commune).contentType(ContentType.JSON)
                .body(Map.of("areaCode", "95011", "address", "x", "headName", "y"))
                .put("/api/households/" + elsewhere).then().statusCode(404);
        given().header(commune).contentType(ContentType.JSON)
                .body(Map.of("incomePerPersonMonth", 900000, "deprivations", List.of()))
                .put("/api/households/" + elsewhere + "/surveys/2024").then().statusCode(404);

        // a search without an area runs in the officer's; another area is refused
        given().header(commune).get("/api/households?name=SEC-AREA&size=500").then().statusCode(200)
                .body("items.areaCode", everyItem(equalTo("96012"))).body("items.id", hasItem(here));
        given().header(district).get("/api/households?name=SEC-AREA&size=500").then().statusCode(200)
                .body("items.id", hasItem(here)).body("items.id", not(hasItem(elsewhere)));
        given().header(commune).get("/api/households?area=219").then().statusCode(403)
                .body("errors[0].field", equalTo("area"));

        // registering into, or moving a household to, another commune is refused and writes nothing
        given().contentType(ContentType.JSON).header(commune)
                .body(Map.of("code", "SEC-AREA-3", "areaCode", "95011", "address", "x", "headName", "y"))
                .post("/api/households").then().statusCode(403).body("errors[0].field", equalTo("areaCode"));
        given().contentType(ContentType.JSON).header(commune)
                .body(Map.of("areaCode", "95011", "address", "x", "headName", "y"))
                .put("/api/households/" + here).then().statusCode(403);
        given().header(PROVINCE).get("/api/households?name=SEC-AREA-3").then().body("total", equalTo(0));
        given().header(PROVINCE).get("/api/households/" + here).then().body("household.areaCode", equalTo("96012"));

        // and what is theirs they change, recorded under their name
        given().contentType(ContentType.JSON).header(commune)
                .body(Map.of("areaCode", "96012", "address", "Thôn Đồng Bài", "headName", "Lương Văn Tâm"))
                .put("/api/households/" + here).then().statusCode(200).body("updatedBy", equalTo("can-bo-96012"));
    }

    @Test
    void personalDataIsMaskedUnlessTheRoleGrantsItAndAgenciesReadsAreAudited() {
        String id = register(PROVINCE, "SEC-PD-1", "96011", "024085009876");

        given().header(PROVINCE).get("/api/households/" + id).then().statusCode(200)
                .body("members[0].citizenId", equalTo("024085009876"))
                .body("members[0].dateOfBirth", equalTo("1985-03-02"))
                .body("members[0].disability", equalTo(true))
                .body("members[0].masked", empty());
        given().header(INSPECTOR).get("/api/households/" + id).then().statusCode(200)
                .body("members[0].fullName", equalTo("Lương Văn Tâm"))
                .body("members[0].citizenId", nullValue())
                .body("members[0].dateOfBirth", nullValue())
                .body("members[0].disability", nullValue())
                .body("members[0].socialProtectionType", nullValue())
                .body("members[0].masked", contains("citizenId", "dateOfBirth", "health"));
        given().header(INSPECTOR).get("/api/households?citizenId=024085009876").then().statusCode(403);

        // an agency without a grant sees it masked, and nothing is recorded
        given().header(TestTokens.of("vbsp-api", "agency").client("vbsp").header())
                .get("/api/households/" + id + "/members").then().statusCode(200)
                .body("[0].citizenId", nullValue());
        auditOf(id).body("total", equalTo(0));

        // an agency granted citizen IDs must say why, and then its read is recorded
        Header insurance = TestTokens.of("bhxh-api", "agency").client("bhxh").scopes("personal:citizen-id").header();
        given().header(insurance).get("/api/households/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("X-Purpose"));
        auditOf(id).body("total", equalTo(0));
        given().header(insurance).header("X-Purpose", encoded("Cấp thẻ BHYT 2025, công văn 123/BHXH"))
                .get("/api/households/" + id).then().statusCode(200)
                .body("members[0].citizenId", equalTo("024085009876"))
                .body("members[0].dateOfBirth", nullValue())
                .body("members[0].masked", contains("dateOfBirth", "health"));
        given().header(insurance).header("X-Purpose", encoded("Đối soát thẻ BHYT"))
                .get("/api/households?citizenId=024085009876").then().statusCode(200).body("items.id", contains(id));

        auditOf(id).body("total", equalTo(2))
                .body("items.actor", everyItem(equalTo("bhxh-api")))
                .body("items.client", everyItem(equalTo("bhxh")))
                .body("items.recordType", everyItem(equalTo("household")))
                .body("items.fields", everyItem(equalTo("citizenId")))
                .body("items.purpose", contains("Đối soát thẻ BHYT", "Cấp thẻ BHYT 2025, công văn 123/BHXH"))
                .body("items[0].request", equalTo("/api/households?citizenId=024085009876"));
        given().header(INSPECTOR).get("/api/personal-data-access?client=bhxh&from=2999-01-01T00:00:00Z").then()
                .body("total", equalTo(0));
        given().header(INSPECTOR).get("/api/personal-data-access?from=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        // officers' own reads are not an agency's disclosure
        given().header(PROVINCE).get("/api/households/" + id).then().statusCode(200);
        assertEquals(2, (int) auditOf(id).extract().path("total"));
    }

    @Test
    void aJsonBodyOfMoreThanAMegabyteIsRefusedUnread() {
        String huge = "{\"code\": \"" + "x".repeat(1_200_000) + "\"}";
        given().contentType(ContentType.JSON).header(PROVINCE).body(huge).post("/api/households").then()
                .statusCode(413).contentType("application/problem+json").body("title", equalTo("Request too large"));
    }

    @Test
    void answersCarrySecurityHeaders() {
        given().get("/api/areas/24").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
    }

    private static String encoded(String purpose) {
        return java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ValidatableResponse auditOf(String recordId) {
        return given().header(INSPECTOR).get("/api/personal-data-access?record=" + recordId).then().statusCode(200);
    }
}
