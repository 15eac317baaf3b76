package vn.ansinh.benefits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.ansinh.benefits.EntitlementTest.Family;
import vn.ansinh.benefits.messaging.PaymentEvents;
import vn.ansinh.benefits.messaging.RegistryEvents;
import vn.ansinh.platform.testing.TestTokens;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PaymentTest {

    private static ValidatableResponse post(String actor, String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(TestTokens.as(actor, "province-officer", "approver")).body(body).when().post(path).then();
    }

    private static Map<String, Object> electricity(int year) {
        List<Map<String, Object>> accounts = given().get("/api/budgets?year=" + year).then().statusCode(200).extract()
                .path("findAll { it.programme == 'ELECTRICITY' && it.fundingSource == 'CENTRAL' }");
        return accounts.get(0);
    }

    @Test
    void aCycleIsPreparedApprovedByAnotherAgainstTheBudgetAndEachPaymentIsPaidOnce() {
        poorIn2023("221");

        // electricity 2024-Q1 in district 221: two households, 162,540 VND each
        String cycle = post("can-bo-lap", "/api/payment-cycles", Map.of("programme", "ELECTRICITY", "period",
                "2024-Q1", "fundingSource", "CENTRAL", "districtCode", "221")).statusCode(201)
                .body("paymentCount", equalTo(2)).body("totalVnd", equalTo(325_080)).body("status", equalTo("PREPARED"))
                .extract().path("id");
        // the same entitlements cannot be taken into a second cycle
        post("can-bo-lap", "/api/payment-cycles", Map.of("programme", "ELECTRICITY", "period", "2024-Q1",
                "fundingSource", "CENTRAL", "districtCode", "221")).statusCode(409);

        Map<String, Object> approval = Map.of("expectedCount", 2, "expectedTotalVnd", 325_080);
        post("can-bo-duyet", "/api/payment-cycles/" + cycle + "/approval", approval).statusCode(409)
                .body("detail", containsString("No budget is allocated"));
        post("ke-toan", "/api/budgets", Map.of("programme", "ELECTRICITY", "year", 2024, "fundingSource", "CENTRAL",
                "amountVnd", 300_000, "reference", "Dự toán 2024")).statusCode(201).body("remainingVnd", equalTo(300_000));

        // maker = checker, wrong control totals, over budget: each refused, nothing written
        post("can-bo-lap", "/api/payment-cycles/" + cycle + "/approval", approval).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("Maker-checker"));
        post("can-bo-duyet", "/api/payment-cycles/" + cycle + "/approval",
                Map.of("expectedCount", 2, "expectedTotalVnd", 325_000)).statusCode(409)
                .body("detail", containsString("Control totals differ"));
        post("can-bo-duyet", "/api/payment-cycles/" + cycle + "/approval", approval).statusCode(409)
                .body("detail", containsString("exceeds what is left"));
        given().get("/api/payment-cycles/" + cycle).then().body("status", equalTo("PREPARED"))
                .body("approvedBy", equalTo(null));
        assertEquals(0, ((Number) electricity(2024).get("committedVnd")).intValue());

        post("ke-toan", "/api/budgets", Map.of("programme", "ELECTRICITY", "year", 2024, "fundingSource", "CENTRAL",
                "amountVnd", 700_000, "reference", "Bổ sung 2024")).statusCode(201);
        post("can-bo-duyet", "/api/payment-cycles/" + cycle + "/approval", approval).statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", equalTo("can-bo-duyet"));
        assertEquals(Map.of("allocatedVnd", 1_000_000, "committedVnd", 325_080, "paidVnd", 0, "remainingVnd", 674_920),
                money(electricity(2024)));

        List<String> ids = given().get("/api/payment-cycles/" + cycle + "/payments").then().extract().path("id");
        post("ngan-hang", "/api/payments/" + ids.get(0) + "/result", Map.of("status", "PAID", "reference", "NH-001"))
                .statusCode(200).body("status", equalTo("PAID"));
        post("ngan-hang", "/api/payments/" + ids.get(0) + "/result", Map.of("status", "PAID", "reference", "NH-002"))
                .statusCode(409).body("detail", containsString("never paid twice"));
        post("ngan-hang", "/api/payments/" + ids.get(1) + "/result", Map.of("status", "FAILED", "reason",
                "tài khoản đã đóng")).statusCode(200).body("status", equalTo("FAILED"));
        post("ngan-hang", "/api/payments/" + ids.get(1) + "/result", Map.of("status", "PAID")).statusCode(400)
                .body("errors[0].field", equalTo("reference"));
        post("ngan-hang", "/api/payments/" + ids.get(1) + "/result", Map.of("status", "PAID", "reference", "NH-003"))
                .statusCode(200).body("attempts", equalTo(2));

        given().get("/api/payment-cycles/" + cycle).then().body("status", equalTo("CLOSED"));
        assertEquals(Map.of("allocatedVnd", 1_000_000, "committedVnd", 0, "paidVnd", 325_080, "remainingVnd", 674_920),
                money(electricity(2024)));

        List<ConsumerRecord<String, byte[]>> paid = Topics.readUntil(PaymentEvents.PAYMENT_TOPIC,
                read -> read.size() >= 3, Duration.ofSeconds(30));
        paid.forEach(EventContracts::assertConforms);
        // one household's events are in order (same key); the two households' may interleave
        assertEquals(List.of(PaymentEvents.FAILED, PaymentEvents.PAID), paid.stream()
                .filter(r -> Topics.value(r).contains(ids.get(1))).map(r -> Topics.header(r, "ce_type")).toList());
        assertEquals(List.of(PaymentEvents.PAID), paid.stream()
                .filter(r -> Topics.value(r).contains(ids.get(0))).map(r -> Topics.header(r, "ce_type")).toList());
        List<ConsumerRecord<String, byte[]>> budgets = Topics.readUntil(PaymentEvents.BUDGET_TOPIC,
                read -> read.stream().filter(r -> "ELECTRICITY/2024/CENTRAL".equals(r.key())).count() >= 5,
                Duration.ofSeconds(30)).stream().filter(r -> "ELECTRICITY/2024/CENTRAL".equals(r.key())).toList();
        budgets.forEach(EventContracts::assertConforms);
        assertEquals(5, budgets.size(), "two allocations, the approval, two payments (a failure moves no money)");
        assertEquals(674_920, io.restassured.path.json.JsonPath.from(Topics.value(budgets.get(budgets.size() - 1)))
                .getInt("remainingVnd"));
    }

    @Test
    void inspectionFindsPaymentsForEntitlementsThatEnded() {
        Family family = Family.register("222");
        family.classify(2025, "POOR", null); // cards for 2026
        EntitlementTest.entitlements(family.id(), 8);
        post("ke-toan", "/api/budgets", Map.of("programme", "HEALTH_INSURANCE", "year", 2026, "fundingSource",
                "CENTRAL", "amountVnd", 10_000_000, "reference", "Dự toán 2026")).statusCode(201);
        Map<String, Object> prepared = given().contentType(ContentType.JSON).header(TestTokens.as("a", "province-officer", "approver"))
                .body(Map.of("programme", "HEALTH_INSURANCE", "period", "2026", "fundingSource", "CENTRAL",
                        "districtCode", "222"))
                .post("/api/payment-cycles").then().statusCode(201).body("paymentCount", equalTo(3)).extract().path("");
        String cycle = (String) prepared.get("id");
        post("b", "/api/payment-cycles/" + cycle + "/approval", Map.of("expectedCount", 3, "expectedTotalVnd",
                prepared.get("totalVnd"))).statusCode(200);

        EntitlementTest.send(family.id(), RegistryEvents.MEMBER_REMOVED, Map.of("householdId", family.id(), "memberId",
                family.pupil(), "leftOn", "2026-03-01", "reason", "DECEASED"), UUID.randomUUID());

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> given()
                .get("/api/inspection/ended-entitlements-with-payments?size=1000").then()
                .body("findAll { it.memberId == '" + family.pupil() + "' }.size()", equalTo(1)));
        String payment = given().get("/api/inspection/ended-entitlements-with-payments?size=1000").then()
                .body("find { it.memberId == '" + family.pupil() + "' }.endedOn", equalTo("2026-03-01"))
                .body("find { it.memberId == '" + family.pupil() + "' }.paymentStatus", equalTo("PENDING"))
                .extract().path("find { it.memberId == '" + family.pupil() + "' }.paymentId");

        // the officer stops it: not paid, its amount back in the budget, gone from the report, announced
        long committed = given().get("/api/budgets?year=2026").then().extract()
                .<Number>path("find { it.programme == 'HEALTH_INSURANCE' && it.fundingSource == 'CENTRAL' }.committedVnd")
                .longValue();
        int amount = given().get("/api/payment-cycles/" + cycle + "/payments").then().extract()
                .path("find { it.id == '" + payment + "' }.amountVnd");
        post("b", "/api/payments/" + payment + "/stop", Map.of("reason", "")).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).header(TestTokens.as("duyet", "approver"))
                .body(Map.of("reason", "member died")).post("/api/payments/" + payment + "/stop").then().statusCode(403);
        post("a", "/api/payments/" + payment + "/stop", Map.of("reason", "member died on 2026-03-01 (inspection)"))
                .statusCode(200).body("status", equalTo("STOPPED"));
        given().get("/api/budgets?year=2026").then().body(
                "find { it.programme == 'HEALTH_INSURANCE' && it.fundingSource == 'CENTRAL' }.committedVnd",
                equalTo((int) (committed - amount)));
        given().get("/api/inspection/ended-entitlements-with-payments?size=1000").then()
                .body("findAll { it.memberId == '" + family.pupil() + "' }.size()", equalTo(0));
        post("a", "/api/payments/" + payment + "/result", Map.of("status", "PAID", "reference", "VCB-1")).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("stopped"));
        post("a", "/api/payments/" + payment + "/stop", Map.of("reason", "again")).statusCode(409);
        List<ConsumerRecord<String, byte[]>> stopped = Topics.readUntil("benefits.payment.v1",
                read -> read.stream().anyMatch(r -> "payment.stopped".equals(Topics.header(r, "ce_type"))
                        && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(payment)),
                Duration.ofSeconds(30)).stream().filter(r -> "payment.stopped".equals(Topics.header(r, "ce_type"))
                        && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(payment)).toList();
        assertEquals(1, stopped.size());
        EventContracts.assertConforms(stopped.get(0));

        // the two others paid, the cycle closes: nothing open is left in it
        for (String other : given().get("/api/payment-cycles/" + cycle + "/payments?status=PENDING").then().extract()
                .<List<String>>path("id")) {
            post("a", "/api/payments/" + other + "/result", Map.of("status", "PAID", "reference", "VCB-" + other))
                    .statusCode(200);
        }
        given().get("/api/payment-cycles/" + cycle).then().body("status", equalTo("CLOSED"));
    }

    @Test
    void aCycleThatCannotBeIsRefusedFieldByField() {
        post("a", "/api/payment-cycles", Map.of("programme", "ELECTRICITY", "period", "2024", "fundingSource",
                "CENTRAL")).statusCode(400).body("errors[0].field", equalTo("period"));
        post("a", "/api/payment-cycles", Map.of("programme", "HOUSING", "period", "2024", "fundingSource",
                "CENTRAL")).statusCode(400).body("errors[0].field", equalTo("programme"));
        post("a", "/api/payment-cycles", Map.of("programme", "ELECTRICITY", "period", "2024-Q1", "fundingSource",
                "CENTRAL", "districtCode", "22")).statusCode(400).body("errors[0].field", equalTo("districtCode"));
        post("a", "/api/budgets", Map.of("programme", "NOPE", "year", 2024, "fundingSource", "CENTRAL", "amountVnd", 1,
                "reference", "x")).statusCode(400).body("errors[0].field", equalTo("programme"));
        post("a", "/api/budgets", Map.of("programme", "ELECTRICITY", "year", 2024, "fundingSource", "CENTRAL",
                "amountVnd", -1, "reference", "x")).statusCode(400).body("errors[0].field", equalTo("amountVnd"));
        post("a", "/api/payments/" + UUID.randomUUID() + "/result", Map.of("status", "PAID", "reference", "x"))
                .statusCode(404);
    }

    private static Map<String, Object> money(Map<String, Object> view) {
        return Map.of("allocatedVnd", ((Number) view.get("allocatedVnd")).intValue(), "committedVnd",
                ((Number) view.get("committedVnd")).intValue(), "paidVnd", ((Number) view.get("paidVnd")).intValue(),
                "remainingVnd", ((Number) view.get("remainingVnd")).intValue());
    }

    @Test
    void aPreparedCycleIsCancelledWholeAndAnApprovedOneStopsWhatIsNotPaid() {
        poorIn2023("215");
        post("ke-toan", "/api/budgets", Map.of("programme", "ELECTRICITY", "year", 2024, "fundingSource", "CENTRAL",
                "amountVnd", 1_000_000, "reference", "Bổ sung dự toán")).statusCode(201);
        Map<String, Object> q2 = Map.of("programme", "ELECTRICITY", "period", "2024-Q2", "fundingSource", "CENTRAL",
                "districtCode", "215");

        String prepared = post("can-bo-lap", "/api/payment-cycles", q2).statusCode(201).extract().path("id");
        post("can-bo-lap", "/api/payment-cycles/" + prepared + "/cancellation", Map.of()).statusCode(200)
                .body("status", equalTo("CANCELLED"));
        // its entitlements are free again
        String cycle = post("can-bo-lap", "/api/payment-cycles", q2).statusCode(201).body("paymentCount", equalTo(2))
                .extract().path("id");
        long committedBefore = committed();
        post("truong-phong", "/api/payment-cycles/" + cycle + "/approval", Map.of("expectedCount", 2,
                "expectedTotalVnd", 325_080)).statusCode(200);
        assertEquals(committedBefore + 325_080, committed());
        List<String> ids = given().get("/api/payment-cycles/" + cycle + "/payments").then().extract().path("id");
        post("ngan-hang", "/api/payments/" + ids.get(0) + "/result", Map.of("status", "PAID", "reference", "VBSP-77"))
                .statusCode(200);

        post("can-bo-lap", "/api/payment-cycles/" + cycle + "/cancellation", Map.of()).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        post("can-bo-lap", "/api/payment-cycles/" + cycle + "/cancellation", Map.of("reason", "sai danh sách"))
                .statusCode(200).body("status", equalTo("CLOSED"));
        given().get("/api/payment-cycles/" + cycle + "/payments").then()
                .body("find { it.id == '" + ids.get(0) + "' }.status", equalTo("PAID"))
                .body("find { it.id == '" + ids.get(1) + "' }.status", equalTo("STOPPED"))
                .body("find { it.id == '" + ids.get(1) + "' }.failureReason", equalTo("cycle cancelled: sai danh sách"));
        assertEquals(committedBefore, committed(), "the stopped payment's amount is released, the paid one was paid");
        post("can-bo-lap", "/api/payment-cycles/" + cycle + "/cancellation", Map.of("reason", "again")).statusCode(409);
    }

    /** Two households of the district classified poor in 2023, their 2024 entitlements granted. */
    private static List<Family> poorIn2023(String district) {
        List<Family> families = List.of(Family.register(district), Family.register(district));
        for (Family family : families) {
            family.classify(2023, "POOR", null);
            EntitlementTest.entitlements(family.id(), 8);
        }
        return families;
    }

    private static long committed() {
        return given().get("/api/budgets?year=2024").then().extract()
                .<Number>path("find { it.programme == 'ELECTRICITY' && it.fundingSource == 'CENTRAL' }.committedVnd")
                .longValue();
    }
}
