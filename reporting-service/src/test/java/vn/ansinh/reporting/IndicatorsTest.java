package vn.ansinh.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.RealKafka;
import vn.ansinh.platform.testing.TestTokens;
import vn.ansinh.platform.testing.Topics;
import vn.ansinh.platform.testing.Topics.Event;

/**
 * A hand-made province of nine households in two districts, surveyed in 2022 and 2023, with a
 * reclassification, a redelivery and a late resend of an older fact; every figure below is
 * counted by hand.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IndicatorsTest {

    static final String POVERTY = "reporting.poverty-rate.v1";
    static final Map<String, UUID> HOUSEHOLDS = new HashMap<>();

    static String household(String name) {
        return HOUSEHOLDS.computeIfAbsent(name, n -> UUID.randomUUID()).toString();
    }

    static Event area(String code, String name, String level, String parent) {
        return new Event(code, "area.changed", """
                {"code":"%s","name":"%s","level":"%s","parentCode":%s,"urban":false,"validFrom":"1997-01-01",
                 "validTo":null,"successorCode":null}""".formatted(code, name, level,
                parent == null ? "null" : "\"" + parent + "\""));
    }

    static Event classified(String household, int year, String category, String commune, String district,
            boolean minority, boolean merit, int members) {
        return new Event(household(household), "household.classified", """
                {"householdId":"%s","year":%d,"category":"%s","previousCategory":null,"newlyEscaped":false,
                 "newlyEscapedSince":null,"deprivationCount":0,"deprivations":[],"standardId":"VN-2022-2025",
                 "areaCode":"%s","districtCode":"%s","urban":false,"ethnicMinority":%b,"meritFamily":%b,
                 "members":%d}""".formatted(household(household), year, category, commune, district, minority, merit,
                members));
    }

    /** The allowance entitlement of h4, a household with no poverty standing. */
    private static final UUID ALLOWANCE = UUID.randomUUID();

    static Event card(String household, String standing, String commune, String district, String endedOn) {
        return new Event(household(household), endedOn == null ? "entitlement.granted" : "entitlement.ended", """
                {"entitlementId":"%s","programme":"HEALTH_INSURANCE","householdId":"%s","memberId":"%s",
                 "period":"2024","periodStart":"2024-01-01","periodEnd":"2024-12-31","surveyYear":2023,
                 "standing":"%s","amountVnd":1117800,"stateVnd":1117800,"provinceVnd":0,"status":"%s",
                 "endedOn":%s,"endReason":%s,"areaCode":"%s","districtCode":"%s"}""".formatted(UUID.randomUUID(),
                household(household), UUID.randomUUID(), standing, endedOn == null ? "ACTIVE" : "ENDED",
                endedOn == null ? "null" : "\"" + endedOn + "\"", endedOn == null ? "null" : "\"died\"", commune,
                district));
    }

    static Event application(String type, UUID id, String household, String programme, String kind, String status,
            long disbursed, long outstanding, String movement) {
        return new Event(household(household), type, """
                {"applicationId":"%s","programme":"%s","householdId":"%s","memberId":null,"standing":"NEAR_POOR",
                 "fundingSource":"CENTRAL","amountVnd":50000000,"kind":%s,"termMonths":36,"rateBp":792,
                 "status":"%s","disbursedVnd":%d,"repaidVnd":%d,"outstandingVnd":%d,"stagesAccepted":[],
                 "employer":null,"areaCode":"96002","districtCode":"220","movement":%s}""".formatted(id, programme,
                household(household), kind == null ? "null" : "\"" + kind + "\"", status, disbursed,
                disbursed - outstanding, outstanding, movement));
    }

    static Event budget(String source, long allocated, long committed, long paid) {
        return new Event("ELECTRICITY/2024/" + source, "budget.changed", """
                {"programme":"ELECTRICITY","year":2024,"fundingSource":"%s","allocatedVnd":%d,"committedVnd":%d,
                 "paidVnd":%d,"remainingVnd":%d}""".formatted(source, allocated, committed, paid,
                allocated - committed - paid));
    }

    @BeforeAll
    static void province() {
        Topics.sendEvents("households.area.v1", List.of(area("24", "Tỉnh Bắc Giang", "PROVINCE", null),
                area("220", "Huyện Sơn Động", "DISTRICT", "24"), area("215", "Huyện Yên Thế", "DISTRICT", "24"),
                area("96001", "Xã An Lập", "COMMUNE", "220"), area("96002", "Xã Vĩnh An", "COMMUNE", "220"),
                area("91001", "Xã Đồng Kỳ", "COMMUNE", "215")));
        Instant earlier = Instant.now().minusSeconds(60);
        Event firstH1 = classified("h1", 2023, "POOR", "96001", "220", true, false, 4);
        Event h2of2023 = classified("h2", 2023, "NOT_POOR", "96001", "220", true, false, 3);
        Topics.sendEvents("households.household.v1", List.of(
                classified("h1", 2022, "POOR", "96001", "220", true, false, 4),
                classified("h2", 2022, "POOR", "96001", "220", true, false, 3),
                classified("h3", 2022, "NEAR_POOR", "96002", "220", false, false, 5),
                classified("h4", 2022, "NOT_POOR", "96002", "220", false, false, 2),
                classified("h5", 2022, "POOR", "91001", "215", false, true, 2),
                classified("h6", 2022, "NOT_POOR", "91001", "215", false, false, 4),
                classified("h7", 2022, "AVERAGE_LIVING_STANDARD", "91001", "215", false, false, 3),
                classified("h8", 2022, "NOT_POOR", "91001", "215", false, true, 1),
                new Event(firstH1.key(), firstH1.type(), firstH1.payload(), firstH1.id(), earlier),
                h2of2023,
                classified("h3", 2023, "NEAR_POOR", "96002", "220", false, false, 5),
                classified("h4", 2023, "NOT_POOR", "96002", "220", false, false, 2),
                classified("h5", 2023, "NEAR_POOR", "91001", "215", false, true, 2),
                classified("h6", 2023, "NOT_POOR", "91001", "215", false, false, 4),
                classified("h7", 2023, "NOT_POOR", "91001", "215", false, false, 3),
                classified("h8", 2023, "NOT_POOR", "91001", "215", false, true, 1),
                classified("h9", 2023, "POOR", "96001", "220", false, false, 6),
                // h1 reclassified after a corrected survey
                classified("h1", 2023, "NEAR_POOR", "96001", "220", true, false, 4),
                // a redelivery of h2's event, and h1's first classification resent under a new id
                h2of2023,
                new Event(firstH1.key(), firstH1.type(), firstH1.payload(), UUID.randomUUID(), earlier)));
        List<Event> cards = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cards.add(card("h9", "POOR", "96001", "220", null));
        }
        for (int i = 0; i < 3; i++) {
            cards.add(card("h1", "NEAR_POOR", "96001", "220", null));
        }
        cards.add(card("h1", "NEAR_POOR", "96001", "220", "2024-01-01")); // ended before it took effect
        // a monthly allowance in a household with no poverty standing: no card, not dead-lettered either
        cards.add(new Event(household("h4"), "entitlement.granted", """
                {"entitlementId":"%s","programme":"SOCIAL_ALLOWANCE","householdId":"%s","memberId":"%s",
                 "period":"2024-07","periodStart":"2024-07-01","periodEnd":"2024-07-31","surveyYear":2023,
                 "standing":null,"amountVnd":500000,"stateVnd":500000,"provinceVnd":0,"status":"ACTIVE",
                 "endedOn":null,"endReason":null,"areaCode":"96002","districtCode":"220"}"""
                .formatted(ALLOWANCE, household("h4"), UUID.randomUUID())));
        Topics.sendEvents("benefits.entitlement.v1", cards);
        Topics.sendEvents("benefits.budget.v1", List.of(budget("CENTRAL", 1_000_000, 200_000, 300_000),
                budget("PROVINCIAL", 500_000, 0, 100_000)));
        UUID loan = UUID.randomUUID();
        UUID house = UUID.randomUUID();
        Event disbursed = application("loan.disbursed", loan, "h3", "PREFERENTIAL_LOAN", null, "DISBURSED",
                50_000_000, 50_000_000, "{\"kind\":\"DISBURSEMENT\",\"label\":\"LOAN\",\"amountVnd\":50000000,"
                        + "\"onDate\":\"2024-03-01\"}");
        Topics.sendEvents("benefits.application.v1", List.of(disbursed,
                application("loan.repaid", loan, "h3", "PREFERENTIAL_LOAN", null, "DISBURSED", 50_000_000,
                        45_000_000, "{\"kind\":\"REPAYMENT\",\"label\":\"REPAYMENT\",\"amountVnd\":5000000,"
                                + "\"onDate\":\"2024-09-01\"}"),
                application("house.completed", house, "h3", "HOUSING", "NEW_BUILD", "COMPLETED", 40_000_000, 0,
                        "null"),
                // the disbursement delivered again after the repayment: the loan stays repaid in part
                disbursed));
    }

    static JsonPath value(String indicator, String query) {
        return given().get("/api/indicators/" + indicator + "?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theHandMadeProvinceCountsEveryHouseholdOnceInItsLatestCategory() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertEquals(9,
                value("poverty-rate", "year=2023&level=PROVINCE&group=ALL").getInt("items[0].households")));
        JsonPath province = value("poverty-rate", "year=2023&level=PROVINCE&group=ALL");
        assertEquals(1, province.getInt("items[0].poor"));
        assertEquals(3, province.getInt("items[0].nearPoor"), "h1 counts as near-poor, as reclassified");
        assertEquals(11.11f, province.getFloat("items[0].poorRatePct"));
        assertEquals(33.33f, province.getFloat("items[0].nearPoorRatePct"));
        assertEquals(2022, province.getInt("items[0].previousYear"));
        assertEquals(-26.39f, province.getFloat("items[0].poorRateChangePts"));
        assertEquals(20.83f, province.getFloat("items[0].nearPoorRateChangePts"));
        assertEquals("Tỉnh Bắc Giang", province.getString("items[0].areaName"));

        JsonPath districts = value("poverty-rate", "year=2023&level=DISTRICT&group=ALL");
        assertEquals(List.of("215", "220"), districts.getList("items.areaCode"));
        assertEquals(List.of("Huyện Yên Thế", "Huyện Sơn Động"), districts.getList("items.areaName"));
        assertEquals(List.of(4, 5), districts.getList("items.households"));
        assertEquals(List.of(0.0f, 20.0f), districts.getList("items.poorRatePct"));
        assertEquals(List.of(-25.0f, -30.0f), districts.getList("items.poorRateChangePts"));

        JsonPath communes = value("poverty-rate", "year=2023&parent=220&group=ALL");
        assertEquals(List.of("96001", "96002"), communes.getList("items.areaCode"));
        assertEquals(List.of(3, 2), communes.getList("items.households"));

        JsonPath minority = value("poverty-rate", "year=2023&level=PROVINCE&group=ETHNIC_MINORITY");
        assertEquals(2, minority.getInt("items[0].households"));
        assertEquals(0, minority.getInt("items[0].poor"));
        assertEquals(-100.0f, minority.getFloat("items[0].poorRateChangePts"));
        JsonPath merit = value("poverty-rate", "year=2023&level=PROVINCE&group=MERIT_FAMILY");
        assertEquals(List.of(2, 0, 1), List.of(merit.getInt("items[0].households"), merit.getInt("items[0].poor"),
                merit.getInt("items[0].nearPoor")));

        JsonPath before = value("poverty-rate", "year=2022&level=PROVINCE&group=ALL");
        assertEquals(List.of(8, 3, 1), List.of(before.getInt("items[0].households"), before.getInt("items[0].poor"),
                before.getInt("items[0].nearPoor")));
        assertEquals(37.5f, before.getFloat("items[0].poorRatePct"));
    }

    @Test
    void coverageLoansHousesAndBudgetsComeFromTheBenefitsEvents() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertEquals(9,
                value("health-insurance-coverage", "year=2023&level=PROVINCE").getInt("items[0].covered")));
        JsonPath coverage = value("health-insurance-coverage", "year=2023&level=PROVINCE");
        assertEquals(17, coverage.getInt("items[0].people"));
        assertTrue(Topics.readFor("reporting.dead-letter.v1", Duration.ofSeconds(2)).stream()
                .noneMatch(r -> Topics.value(r).contains(ALLOWANCE.toString())), "an allowance without standing is applied");
        assertEquals(52.94f, coverage.getFloat("items[0].coveragePct"));
        assertEquals(60.0f, value("health-insurance-coverage", "year=2023&area=220").getFloat("items[0].coveragePct"));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertEquals(45_000_000L,
                value("loans", "year=2024&area=220").getLong("items[0].outstandingVnd")));
        JsonPath loans = value("loans", "year=2024&level=PROVINCE");
        assertEquals(List.of(1, 1, 50_000_000), List.of(loans.getInt("items[0].households"),
                loans.getInt("items[0].loans"), loans.getInt("items[0].disbursedVnd")));
        int thisYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        assertEquals(1, value("housing", "year=" + thisYear + "&area=96002").getInt("items[0].newBuilt"));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertEquals(1_500_000,
                value("budget-execution", "year=2024&group=ELECTRICITY").getInt(
                        "items.find { it.fundingSource == 'ALL' }.allocatedVnd")));
        JsonPath budget = value("budget-execution", "year=2024&group=ELECTRICITY");
        assertEquals(400_000, budget.getInt("items.find { it.fundingSource == 'ALL' }.paidVnd"));
        assertEquals(900_000, budget.getInt("items.find { it.fundingSource == 'ALL' }.remainingVnd"));
        assertEquals(26.67f, budget.getFloat("items.find { it.fundingSource == 'ALL' }.paidPct"));
        assertEquals(30.0f, budget.getFloat("items.find { it.fundingSource == 'CENTRAL' }.paidPct"));
    }

    @Test
    void aDashboardReadingTheCompactedTopicWithAPlainConsumerSeesTheCurrentValues() throws Exception {
        String province2023 = "poverty-rate/ALL/24/2023";
        List<ConsumerRecord<String, byte[]>> read = Topics.readUntil(POVERTY, records -> latest(records)
                .containsKey(province2023) && latest(records).get(province2023).getInt("households") == 9,
                Duration.ofSeconds(30));
        Map<String, JsonPath> current = latest(read);
        JsonPath value = current.get(province2023);
        assertEquals(1, value.getInt("poor"));
        assertEquals(11.11f, value.getFloat("poorRatePct"));
        assertEquals(-26.39f, value.getFloat("poorRateChangePts"));
        assertTrue(Instant.parse(value.getString("computedAt")).isBefore(Instant.now().plusSeconds(1)));
        assertEquals(20.0f, current.get("poverty-rate/ALL/220/2023").getFloat("poorRatePct"));
        assertEquals(0.0f, current.get("poverty-rate/ETHNIC_MINORITY/24/2023").getFloat("poorRatePct"));
        read.forEach(EventContracts::assertConforms);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafka.bootstrapServers()))) {
            for (String topic : List.of(POVERTY, "reporting.benefit-coverage.v1", "reporting.support-delivered.v1",
                    "reporting.budget-execution.v1")) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                assertEquals("compact", admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get("cleanup.policy").value(), topic);
            }
        }
        // the other topics, as a dashboard reads them: the latest value per key
        Map<String, String> expected = Map.of(
                "reporting.benefit-coverage.v1", "health-insurance-coverage/ALL/24/2023",
                "reporting.support-delivered.v1", "loans/ALL/220/2024",
                "reporting.budget-execution.v1", "budget-execution/ELECTRICITY/ALL/2024");
        for (Map.Entry<String, String> topic : expected.entrySet()) {
            Topics.readUntil(topic.getKey(), r -> latest(r).containsKey(topic.getValue()), Duration.ofSeconds(30))
                    .forEach(EventContracts::assertConforms);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, JsonPath> now = new HashMap<>();
            expected.forEach((topic, key) -> now.put(topic, latest(Topics.readUntil(topic,
                    r -> latest(r).containsKey(key), Duration.ofSeconds(30))).get(key)));
            assertEquals(List.of(17, 9), List.of(now.get("reporting.benefit-coverage.v1").getInt("people"),
                    now.get("reporting.benefit-coverage.v1").getInt("covered")));
            assertEquals(45_000_000L, now.get("reporting.support-delivered.v1").getLong("outstandingVnd"));
            assertEquals(1_500_000L, now.get("reporting.budget-execution.v1").getLong("allocatedVnd"));
            assertEquals(26.67f, now.get("reporting.budget-execution.v1").getFloat("paidPct"));
        });
    }

    @Test
    void aBurstOfHouseholdsIsCoalescedIntoAFewMessagesPerIndicator() {
        List<Event> burst = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            burst.add(classified("burst-" + i, 2025, i % 10 == 0 ? "POOR" : "NOT_POOR", "91001", "215", false, false,
                    3));
        }
        Topics.sendEvents("households.household.v1", burst);
        String key = "poverty-rate/ALL/24/2025";
        List<ConsumerRecord<String, byte[]>> read = Topics.readUntil(POVERTY, records -> latest(records)
                .containsKey(key) && latest(records).get(key).getInt("households") == 300, Duration.ofSeconds(30));
        long messages = read.stream().filter(r -> key.equals(r.key())).count();
        assertTrue(messages <= 5, "300 households gave " + messages + " messages for the province");
        assertEquals(30, latest(read).get(key).getInt("poor"));
    }

    @Test
    void classificationsThatComeWithARegistrationCountAsIfEachWereItsOwnEvent() {
        // an import's new households: household.registered carries their surveys' classifications
        List<Event> registrations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = household("registered-" + i);
            String classifications = Stream.of(classified("registered-" + i, 2026, i == 0 ? "POOR" : "NOT_POOR",
                    "96002", "220", false, false, 3), classified("registered-" + i, 2027, i < 2 ? "POOR" : "NOT_POOR",
                    "96002", "220", false, false, 3)).map(e -> new String(e.payload(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining(","));
            registrations.add(new Event(id, "household.registered", """
                    {"householdId":"%s","code":"BG-VA-%d","areaCode":"96002","districtCode":"220","urban":false,
                     "ethnicMinority":false,"meritFamily":false,"registeredAt":"2027-12-01T00:00:00Z","members":[],
                     "classifications":[%s]}""".formatted(id, i, classifications)));
        }
        Topics.sendEvents("households.household.v1", registrations);

        List<ConsumerRecord<String, byte[]>> read = Topics.readUntil(POVERTY, records -> latest(records)
                .containsKey("poverty-rate/ALL/24/2027") && latest(records).get("poverty-rate/ALL/24/2027")
                        .getInt("households") == 4, Duration.ofSeconds(30));
        assertEquals(4, latest(read).get("poverty-rate/ALL/24/2026").getInt("households"));
        assertEquals(1, latest(read).get("poverty-rate/ALL/24/2026").getInt("poor"));
        assertEquals(2, latest(read).get("poverty-rate/ALL/24/2027").getInt("poor"));
    }

    @Test
    void aQueryThatCannotBeAnsweredIsRefusedFieldByField() {
        given().get("/api/indicators/poverty-rate?level=VILLAGE&size=0&year=1800").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("year", "level", "size")));
        given().get("/api/indicators/happiness").then().statusCode(404).contentType("application/problem+json");
        // the indicators, like every API, need a token; any role may read them
        given().noFilters().get("/api/indicators/poverty-rate").then().statusCode(401)
                .contentType("application/problem+json");
        given().header(TestTokens.as("vbsp", "agency")).get("/api/indicators/poverty-rate").then().statusCode(200);
        given().header(TestTokens.as("nobody")).get("/api/indicators/poverty-rate.csv").then().statusCode(403);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(given()
                .get("/api/indicators/poverty-rate.csv?year=2023&level=DISTRICT&group=ALL").then().statusCode(200)
                .extract().asString().contains("\r\npoverty-rate,2023,ALL,DISTRICT,220,Huyện Sơn Động,24,5,1,2,20.00,40.00,2022,-30.00,")));
        String csv = given().get("/api/indicators/poverty-rate.csv?year=2023&level=DISTRICT&group=ALL").then()
                .contentType("text/csv; charset=UTF-8").extract().asString();
        assertTrue(csv.startsWith("indicator,year,group,areaLevel,areaCode,areaName,parentCode,households,poor,"
                + "nearPoor,poorRatePct,nearPoorRatePct,previousYear,poorRateChangePts,nearPoorRateChangePts,computedAt\r\n"),
                csv);
        assertEquals(3, csv.split("\r\n").length, csv);
    }

    @Test
    void theServiceExposesItsOperationsSignalsToPrometheus() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.matches("(?s).*ansinh_consumer_events_applied_total\\{consumer=\"reporting.registry\"[^}]*} [1-9].*"),
                    metrics);
            assertTrue(metrics.contains("ansinh_consumer_dead_lettered_total{consumer=\"reporting.benefits\""));
            assertTrue(metrics.contains("ansinh_consumer_lag{consumer=\"reporting.registry\""));
            assertTrue(metrics.contains("ansinh_outbox_backlog "));
            assertTrue(metrics.matches("(?s).*ansinh_indicators_published_total [1-9].*"));
        });
    }

    static Map<String, JsonPath> latest(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, JsonPath> latest = new HashMap<>();
        records.forEach(r -> latest.put(r.key(), JsonPath.from(Topics.value(r))));
        return latest;
    }
}
