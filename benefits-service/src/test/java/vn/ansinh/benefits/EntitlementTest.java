package vn.ansinh.benefits;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.ansinh.benefits.messaging.EntitlementEvents;
import vn.ansinh.benefits.messaging.RegistryEvents;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.Topics;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EntitlementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A household as the registry announces it: head, spouse, and a pupil. */
    record Family(String id, String head, String spouse, String pupil) {

        static Family register() {
            return register("220");
        }

        static Family register(String district) {
            Family family = new Family(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(), UUID.randomUUID().toString());
            Map<String, Object> event = new LinkedHashMap<>(Map.of("householdId", family.id, "code",
                    "BG-B-" + family.id.substring(0, 8), "areaCode", "96003", "districtCode", district, "urban", false,
                    "ethnicMinority", true, "meritFamily", false, "registeredAt", "2023-01-05T03:00:00Z"));
            event.put("members", List.of(
                    member(family.id, family.head, "Hoàng Văn Dũng", "1980-04-01", "MALE", "HEAD", false),
                    member(family.id, family.spouse, "Triệu Thị Lan", "1982-02-03", "FEMALE", "SPOUSE", false),
                    member(family.id, family.pupil, "Hoàng Thị Hoa", "2012-05-17", "FEMALE", "CHILD", true)));
            send(family.id, RegistryEvents.REGISTERED, event, UUID.randomUUID());
            return family;
        }

        UUID classify(int year, String category, Integer newlyEscapedSince) {
            Map<String, Object> event = new HashMap<>(Map.of("householdId", id, "year", year, "category", category,
                    "newlyEscaped", newlyEscapedSince != null, "deprivationCount", 3, "deprivations", List.of(),
                    "standardId", "VN-2022-2025", "areaCode", "96003", "districtCode", "220", "urban", false));
            event.putAll(Map.of("ethnicMinority", true, "meritFamily", false, "members", 3));
            event.put("previousCategory", null);
            event.put("newlyEscapedSince", newlyEscapedSince);
            UUID eventId = UUID.randomUUID();
            send(id, RegistryEvents.CLASSIFIED, event, eventId);
            return eventId;
        }
    }

    private static Map<String, Object> member(String household, String id, String name, String born, String sex,
            String relation, boolean pupil) {
        Map<String, Object> member = new HashMap<>(Map.of("householdId", household, "memberId", id, "fullName", name,
                "dateOfBirth", born, "sex", sex, "relationToHead", relation, "ethnicity", "Tày", "disability", false,
                "schoolEnrolled", pupil));
        member.put("citizenId", null);
        member.put("socialProtectionType", null);
        return member;
    }

    static void send(String key, String type, Map<String, Object> payload, UUID eventId) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(payload);
            EventContracts.assertValid(RegistryEvents.TOPIC, type, bytes);
            Topics.sendEvent(RegistryEvents.TOPIC, key, type, bytes, eventId);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonPath entitlements(String household, int expected) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> given()
                .get("/api/entitlements?household=" + household + "&size=100").then().body("total", equalTo(expected)));
        return given().get("/api/entitlements?household=" + household + "&size=100").then().extract().jsonPath();
    }

    private static void awaitActive(String household, int active) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> given()
                .get("/api/entitlements?household=" + household + "&status=ACTIVE&size=1").then()
                .body("total", equalTo(active)));
    }

    @Test
    void aPoorHouseholdsMembersAllGetACardPaidByTheStateAndItsPupilStudySupport() {
        Family family = Family.register();
        family.classify(2023, "POOR", null);

        JsonPath owed = entitlements(family.id, 3 + 4 + 1);
        // 2024 cards: 4.5% of a base salary of 1,800,000 (January–June) and 2,340,000 (July–December)
        assertEquals(List.of(1_117_800, 1_117_800, 1_117_800),
                owed.getList("items.findAll { it.programme == 'HEALTH_INSURANCE' }.stateVnd"));
        assertEquals(List.of(0, 0, 0), owed.getList("items.findAll { it.programme == 'HEALTH_INSURANCE' }.provinceVnd"));
        assertEquals(List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"),
                owed.getList("items.findAll { it.programme == 'ELECTRICITY' }.period"));
        assertEquals(162_540, owed.getInt("items.find { it.period == '2024-Q1' }.amountVnd"));
        assertEquals(family.pupil, owed.getString("items.find { it.programme == 'STUDY_SUPPORT' }.memberId"));
        assertEquals(1_350_000, owed.getInt("items.find { it.programme == 'STUDY_SUPPORT' }.amountVnd"));

        List<ConsumerRecord<String, byte[]>> granted = Topics.readUntil(EntitlementEvents.TOPIC,
                read -> read.stream().filter(r -> family.id.equals(r.key())).count() >= 8, Duration.ofSeconds(30))
                .stream().filter(r -> family.id.equals(r.key())).toList();
        granted.forEach(EventContracts::assertConforms);
        assertEquals(8, granted.stream().filter(r -> EntitlementEvents.GRANTED.equals(Topics.header(r, "ce_type")))
                .count());
    }

    @Test
    void aNearPoorCardIsSharedWithTheProvinceAndANewlyEscapedOneIsNot() {
        Family nearPoor = Family.register();
        nearPoor.classify(2023, "NEAR_POOR", null);
        JsonPath owed = entitlements(nearPoor.id, 3 + 1);
        assertEquals(782_460, owed.getInt("items.find { it.memberId == '" + nearPoor.head + "' }.stateVnd"));
        assertEquals(335_340, owed.getInt("items.find { it.memberId == '" + nearPoor.head + "' }.provinceVnd"));

        Family escaped = Family.register();
        escaped.classify(2023, "NOT_POOR", 2023);
        JsonPath cards = entitlements(escaped.id, 3);
        assertEquals(List.of("NEWLY_ESCAPED"), cards.getList("items.standing").stream().distinct().toList());
        assertEquals(782_460, cards.getInt("items[0].stateVnd"));
        assertEquals(0, cards.getInt("items[0].provinceVnd"));

        Family notPoor = Family.register();
        notPoor.classify(2023, "NOT_POOR", null);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> given().get("/api/households/" + notPoor.id)
                .then().body("classifications[0].category", equalTo("NOT_POOR")));
        given().get("/api/entitlements?household=" + notPoor.id).then().body("total", equalTo(0));
    }

    @Test
    void reclassificationAndRedeliveryNeverDoubleAnEntitlement() {
        Family family = Family.register();
        UUID first = family.classify(2026, "POOR", null); // support year 2027, not yet begun
        entitlements(family.id, 8);

        Map<String, Object> again = new HashMap<>(Map.of("householdId", family.id, "year", 2026, "category", "POOR",
                "newlyEscaped", false, "deprivationCount", 3, "deprivations", List.of(), "standardId", "VN-2022-2025",
                "areaCode", "96003", "districtCode", "220", "urban", false));
        again.putAll(Map.of("ethnicMinority", true, "meritFamily", false, "members", 3));
        again.put("previousCategory", null);
        again.put("newlyEscapedSince", null);
        send(family.id, RegistryEvents.CLASSIFIED, again, first); // the same event delivered twice
        family.classify(2026, "POOR", null); // the same classification announced again
        family.classify(2026, "NOT_POOR", null); // corrected: not poor after all
        awaitActive(family.id, 0);
        JsonPath ended = entitlements(family.id, 8);
        // none of it had begun: each ends on its first day, nothing of it owed
        assertEquals(ended.getList("items.periodStart"), ended.getList("items.endedOn"));
        assertEquals("household classified NOT_POOR in the 2026 survey", ended.getString("items[0].endReason"));

        family.classify(2026, "POOR", null); // and corrected back
        awaitActive(family.id, 8);
        entitlements(family.id, 8);
    }

    @Test
    void aMemberWhoLeavesLosesTheirCardFromTheDayTheyLeft() {
        Family family = Family.register();
        family.classify(2025, "POOR", null); // support year 2026
        entitlements(family.id, 8);

        send(family.id, RegistryEvents.MEMBER_REMOVED, Map.of("householdId", family.id, "memberId", family.pupil,
                "leftOn", "2026-05-01", "reason", "MOVED_OUT"), UUID.randomUUID());

        awaitActive(family.id, 6);
        JsonPath owed = entitlements(family.id, 8);
        assertEquals(List.of("2026-05-01", "2026-05-01"),
                owed.getList("items.findAll { it.memberId == '" + family.pupil + "' }.endedOn"));
        assertEquals(List.of("ACTIVE", "ACTIVE"), owed.getList("items.findAll { it.memberId == '" + family.head
                + "' || it.memberId == '" + family.spouse + "' }.status"));
    }

    @Test
    void anAmountChangesFromADateAndNeverForThePast() {
        given().get("/api/programmes").then().statusCode(200)
                .body("find { it.code == 'HEALTH_INSURANCE' }.rules.size()", equalTo(3));
        String tomorrow = LocalDate.now().plusDays(1).toString();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "STUDY_SUPPORT", "validFrom", tomorrow, "value", 180_000, "legalBasis", "test"))
                .post("/api/parameters").then().statusCode(201).body("unit", equalTo("VND/pupil/month, 9 months a year"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "STUDY_SUPPORT", "validFrom", "2024-01-01", "value", 1, "legalBasis", "test"))
                .post("/api/parameters").then().statusCode(400).body("errors[0].field", equalTo("validFrom"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "GOLD_PRICE", "validFrom", tomorrow, "value", 1, "legalBasis", "test"))
                .post("/api/parameters").then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "STUDY_SUPPORT", "validFrom", tomorrow, "value", -5))
                .post("/api/parameters").then().statusCode(400);
        given().get("/api/parameters").then().body("findAll { it.name == 'STUDY_SUPPORT' }.value",
                equalTo(List.of(150_000, 180_000)));
    }

    @Test
    void aMonthlyAllowanceIsTheBaseLevelTimesTheCoefficientOfTheMembersTypeWhateverTheHouseholdsStanding() {
        // a household that is not poor: a grandmother of 84 without a pension, a son of a type with no coefficient
        String household = UUID.randomUUID().toString();
        String grandmother = UUID.randomUUID().toString();
        String son = UUID.randomUUID().toString();
        Map<String, Object> elderly = member(household, grandmother, "Nông Thị Mai", "1940-03-02", "FEMALE", "HEAD",
                false);
        elderly.put("socialProtectionType", "ELDERLY_80");
        Map<String, Object> other = member(household, son, "Nông Văn Hải", "1975-06-09", "MALE", "CHILD", false);
        other.put("socialProtectionType", "NOT_A_TYPE");
        Map<String, Object> registered = new LinkedHashMap<>(Map.of("householdId", household, "code",
                "BG-B-" + household.substring(0, 8), "areaCode", "96003", "districtCode", "220", "urban", false,
                "ethnicMinority", true, "meritFamily", false, "registeredAt", "2023-01-05T03:00:00Z"));
        registered.put("members", List.of(elderly, other));
        send(household, RegistryEvents.REGISTERED, registered, UUID.randomUUID());
        new Family(household, grandmother, son, null).classify(2023, "NOT_POOR", null); // support year 2024

        JsonPath owed = entitlements(household, 12);
        assertEquals(List.of("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08",
                "2024-09", "2024-10", "2024-11", "2024-12"), owed.getList("items.period"));
        // coefficient 1.0 of a base level of 360,000 VND until June 2024 and 500,000 from July
        assertEquals(List.of(360_000, 360_000, 360_000, 360_000, 360_000, 360_000, 500_000, 500_000, 500_000, 500_000,
                500_000, 500_000), owed.getList("items.amountVnd"));
        assertEquals(owed.getList("items.amountVnd"), owed.getList("items.stateVnd"));
        assertEquals(List.of(grandmother), owed.getList("items.memberId").stream().distinct().toList());
        assertEquals(List.of("SOCIAL_ALLOWANCE"), owed.getList("items.programme").stream().distinct().toList());
        assertEquals(java.util.Collections.nCopies(12, null), owed.getList("items.standing"));

        // the grandmother moves away in August: the months before stay owed, August ends on the day, the rest unowed
        send(household, RegistryEvents.MEMBER_REMOVED, Map.of("householdId", household, "memberId", grandmother,
                "leftOn", "2024-08-20", "reason", "MOVED_OUT"), UUID.randomUUID());
        awaitActive(household, 7);
        JsonPath after = entitlements(household, 12);
        assertEquals(List.of("2024-08-20", "2024-09-01", "2024-10-01", "2024-11-01", "2024-12-01"),
                after.getList("items.findAll { it.status == 'ENDED' }.endedOn"));
    }

    @Test
    void aPoorMembersAllowanceComesWithTheHouseholdsOtherSupportAndIsPaidMonthByMonth() {
        String household = UUID.randomUUID().toString();
        String disabled = UUID.randomUUID().toString();
        Map<String, Object> member = member(household, disabled, "Lục Văn Tài", "1990-01-15", "MALE", "HEAD", false);
        member.put("disability", true);
        member.put("socialProtectionType", "DISABILITY_SEVERE");
        // a district of its own, so that the cycle below holds only this household's allowance
        Map<String, Object> registered = new LinkedHashMap<>(Map.of("householdId", household, "code",
                "BG-B-" + household.substring(0, 8), "areaCode", "96003", "districtCode", "298", "urban", false,
                "ethnicMinority", true, "meritFamily", false, "registeredAt", "2023-01-05T03:00:00Z"));
        registered.put("members", List.of(member));
        send(household, RegistryEvents.REGISTERED, registered, UUID.randomUUID());
        new Family(household, disabled, null, null).classify(2023, "POOR", null);

        // a card, four quarters of electricity and twelve months of allowance (coefficient 1.5)
        JsonPath owed = entitlements(household, 1 + 4 + 12);
        assertEquals(540_000, owed.getInt("items.find { it.period == '2024-06' }.amountVnd"));
        assertEquals(750_000, owed.getInt("items.find { it.period == '2024-07' }.amountVnd"));
        assertEquals("POOR", owed.getString("items.find { it.period == '2024-07' }.standing"));

        given().contentType(ContentType.JSON).body(Map.of("programme", "SOCIAL_ALLOWANCE", "period", "2024",
                "fundingSource", "CENTRAL")).post("/api/payment-cycles").then().statusCode(400)
                .body("errors[0].field", equalTo("period"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("2024-07"));
        given().contentType(ContentType.JSON).body(Map.of("programme", "SOCIAL_ALLOWANCE", "period", "2024-13",
                "fundingSource", "CENTRAL")).post("/api/payment-cycles").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("programme", "SOCIAL_ALLOWANCE", "period", "2024-07",
                "fundingSource", "CENTRAL", "districtCode", "298")).post("/api/payment-cycles").then().statusCode(201)
                .body("paymentCount", equalTo(1)).body("totalVnd", equalTo(750_000));
    }
}
