package vn.ansinh.benefits;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import vn.ansinh.benefits.EntitlementTest.Family;
import vn.ansinh.benefits.messaging.ApplicationEvents;
import vn.ansinh.platform.testing.TestTokens;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApplicationTest {

    private static ValidatableResponse post(String actor, String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(TestTokens.as(actor, "province-officer", "approver")).body(body).when().post(path).then();
    }

    private static Family classified(String category, Integer escapedSince) {
        Family family = Family.register("223");
        family.classify(2023, category, escapedSince);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> given().get("/api/households/" + family.id())
                .then().body("classifications.size()", equalTo(1)));
        return family;
    }

    private static void budget(String programme, int year, long amount) {
        post("ke-toan", "/api/budgets", Map.of("programme", programme, "year", year, "fundingSource", "CENTRAL",
                "amountVnd", amount, "reference", "Dự toán")).statusCode(201);
    }

    private static String apply(Map<String, Object> body) {
        return post("can-bo-xa", "/api/applications", body).statusCode(201).extract().path("id");
    }

    @Test
    void aNearPoorHouseholdsLoanIsApprovedByAnotherOfficerDisbursedWithinBudgetAndRepaid() {
        Family family = classified("NEAR_POOR", null);
        Map<String, Object> loan = Map.of("programme", "PREFERENTIAL_LOAN", "householdId", family.id(),
                "fundingSource", "CENTRAL", "amountVnd", 36_000_000, "termMonths", 36);
        String id = apply(loan);
        given().get("/api/applications/" + id).then().body("rateBp", equalTo(792)) // 120% of 6.6%
                .body("status", equalTo("SUBMITTED"));

        post("can-bo-xa", "/api/applications/" + id + "/decision", Map.of("approve", true)).statusCode(403);
        post("can-bo-huyen", "/api/applications/" + id + "/decision", Map.of("approve", true)).statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("can-bo-huyen"));

        budget("PREFERENTIAL_LOAN", 2024, 30_000_000);
        post("ngan-hang", "/api/applications/" + id + "/disbursement", Map.of("on", "2024-03-01")).statusCode(409)
                .body("detail", containsString("exceeds what is left"));
        given().get("/api/applications/" + id).then().body("status", equalTo("APPROVED"))
                .body("disbursedVnd", equalTo(0)).body("movements.size()", equalTo(0));
        budget("PREFERENTIAL_LOAN", 2024, 70_000_000);
        JsonPath disbursed = post("ngan-hang", "/api/applications/" + id + "/disbursement", Map.of("on", "2024-03-01"))
                .statusCode(200).body("status", equalTo("DISBURSED")).body("outstandingVnd", equalTo(36_000_000))
                .extract().jsonPath();
        assertEquals(36, disbursed.getList("schedule").size());
        assertEquals(1_000_000, disbursed.getInt("schedule[0].principalVnd"));
        assertEquals(237_600, disbursed.getInt("schedule[0].interestVnd"), "36,000,000 × 7.92% / 12");
        assertEquals("2024-04-01", disbursed.getString("schedule[0].due"));
        post("ngan-hang", "/api/applications/" + id + "/disbursement", Map.of("on", "2024-03-02")).statusCode(409);

        post("ngan-hang", "/api/applications/" + id + "/repayments", Map.of("amountVnd", 40_000_000, "on",
                "2024-04-01")).statusCode(400).body("errors[0].field", equalTo("amountVnd"));
        post("ngan-hang", "/api/applications/" + id + "/repayments", Map.of("amountVnd", 6_000_000, "on", "2024-04-01"))
                .statusCode(200).body("outstandingVnd", equalTo(30_000_000));
        post("ngan-hang", "/api/applications/" + id + "/repayments", Map.of("amountVnd", 30_000_000, "on",
                "2024-05-01")).statusCode(200).body("outstandingVnd", equalTo(0)).body("status", equalTo("COMPLETED"));

        given().get("/api/budgets?year=2024").then()
                .body("find { it.programme == 'PREFERENTIAL_LOAN' }.paidVnd", equalTo(36_000_000));
        List<ConsumerRecord<String, byte[]>> events = Topics.readUntil(ApplicationEvents.TOPIC,
                read -> read.stream().filter(r -> family.id().equals(r.key())).count() >= 5, Duration.ofSeconds(30))
                .stream().filter(r -> family.id().equals(r.key())).toList();
        events.forEach(EventContracts::assertConforms);
        assertEquals(List.of(ApplicationEvents.SUBMITTED, ApplicationEvents.APPROVED, ApplicationEvents.LOAN_DISBURSED,
                ApplicationEvents.LOAN_REPAID, ApplicationEvents.LOAN_REPAID),
                events.stream().map(r -> Topics.header(r, "ce_type")).toList());
    }

    @Test
    void aHouseIsPaidInTranchesAsItsStagesAreAccepted() {
        Family family = classified("POOR", null);
        String id = apply(Map.of("programme", "HOUSING", "householdId", family.id(), "fundingSource", "CENTRAL",
                "kind", "NEW_BUILD"));
        post("can-bo-huyen", "/api/applications/" + id + "/decision", Map.of("approve", true)).statusCode(200);
        budget("HOUSING", 2024, 100_000_000);
        post("can-bo-xa", "/api/applications/" + id + "/disbursement", Map.of("on", "2024-03-01")).statusCode(409);
        post("can-bo-xa", "/api/applications/" + id + "/stages", Map.of("stage", "WALLS_AND_ROOF", "on", "2024-03-01"))
                .statusCode(400).body("errors[0].message", equalTo("the next stage to accept is FOUNDATION"));
        post("can-bo-xa", "/api/applications/" + id + "/stages", Map.of("stage", "FOUNDATION", "on", "2024-03-01"))
                .statusCode(200).body("disbursedVnd", equalTo(12_000_000)).body("status", equalTo("IN_PROGRESS"));
        post("can-bo-xa", "/api/applications/" + id + "/stages", Map.of("stage", "WALLS_AND_ROOF", "on", "2024-05-01"))
                .statusCode(200).body("disbursedVnd", equalTo(28_000_000));
        post("can-bo-xa", "/api/applications/" + id + "/stages", Map.of("stage", "COMPLETED", "on", "2024-07-01"))
                .statusCode(200).body("disbursedVnd", equalTo(40_000_000)).body("status", equalTo("COMPLETED"))
                .body("movements.label", equalTo(List.of("FOUNDATION", "WALLS_AND_ROOF", "COMPLETED")));
        post("can-bo-xa", "/api/applications/" + id + "/stages", Map.of("stage", "COMPLETED", "on", "2024-07-02"))
                .statusCode(409);
    }

    @Test
    void aTraineeIsEnrolledTrainedAndPlaced() {
        Family family = classified("NOT_POOR", 2023); // newly escaped
        String id = apply(Map.of("programme", "VOCATIONAL_TRAINING", "householdId", family.id(), "memberId",
                family.spouse(), "fundingSource", "CENTRAL", "amountVnd", 4_500_000));
        post("can-bo-huyen", "/api/applications/" + id + "/decision", Map.of("approve", true)).statusCode(200);
        budget("VOCATIONAL_TRAINING", 2024, 10_000_000);
        post("co-so-day-nghe", "/api/applications/" + id + "/placement", Map.of("employer", "Công ty May Bắc Giang"))
                .statusCode(409);
        post("co-so-day-nghe", "/api/applications/" + id + "/disbursement", Map.of("on", "2024-02-01")).statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        post("co-so-day-nghe", "/api/applications/" + id + "/completion", Map.of()).statusCode(200)
                .body("status", equalTo("COMPLETED"));
        post("co-so-day-nghe", "/api/applications/" + id + "/placement", Map.of("employer", "Công ty May Bắc Giang"))
                .statusCode(200).body("status", equalTo("PLACED")).body("employer", equalTo("Công ty May Bắc Giang"));
    }

    @Test
    void anApplicationThatCannotBeIsRefusedClearly() {
        Family notPoor = classified("NOT_POOR", null);
        post("a", "/api/applications", Map.of("programme", "PREFERENTIAL_LOAN", "householdId", notPoor.id(),
                "fundingSource", "CENTRAL", "amountVnd", 1_000_000, "termMonths", 12)).statusCode(409)
                .body("detail", containsString("does not qualify"));
        Family nearPoor = classified("NEAR_POOR", null);
        Map<String, Object> loan = new HashMap<>(Map.of("programme", "PREFERENTIAL_LOAN", "householdId", nearPoor.id(),
                "fundingSource", "CENTRAL", "amountVnd", 200_000_000, "termMonths", 12));
        post("a", "/api/applications", loan).statusCode(400).body("errors[0].field", equalTo("amountVnd"));
        loan.put("amountVnd", 1_000_000);
        loan.remove("termMonths");
        post("a", "/api/applications", loan).statusCode(400).body("errors[0].field", equalTo("termMonths"));
        post("a", "/api/applications", Map.of("programme", "HOUSING", "householdId", nearPoor.id(), "fundingSource",
                "CENTRAL", "kind", "PALACE")).statusCode(400).body("errors[0].field", equalTo("kind"));
        post("a", "/api/applications", Map.of("programme", "VOCATIONAL_TRAINING", "householdId", nearPoor.id(),
                "fundingSource", "CENTRAL", "amountVnd", 1_000_000, "memberId", notPoor.head())).statusCode(400)
                .body("errors[0].field", equalTo("memberId"));
        post("a", "/api/applications", Map.of("programme", "HEALTH_INSURANCE", "householdId", nearPoor.id(),
                "fundingSource", "CENTRAL")).statusCode(400).body("errors[0].field", equalTo("programme"));
        post("a", "/api/applications", Map.of("programme", "LIVELIHOOD", "fundingSource", "CENTRAL")).statusCode(400)
                .body("errors[0].field", equalTo("householdId"));
    }
}
