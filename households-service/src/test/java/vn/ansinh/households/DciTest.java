package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ValidatableResponse;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.TestTokens;

/**
 * The DCI Social Registry API as an agency's system uses it: sync search by each query type,
 * an async search answered to a receiver of ours (the agency's side, a plain HTTP server),
 * transaction status, subscriptions notified of registrations, bad envelopes answered with
 * error acknowledgements — every message checked against the standard's shapes (contracts/dci).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DciTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENCY = "bhxh-gateway";
    private static final Header INSURANCE = TestTokens.of("bhxh-api", "agency").client(AGENCY)
            .scopes("personal:citizen-id").header();
    private static final Header PROVINCE = TestTokens.as("so-ldtbxh", "province-officer");

    private static HttpServer receiver;
    private static final List<Map.Entry<String, JsonNode>> received = Collections.synchronizedList(new ArrayList<>());

    /** The agency's side: takes every callback, answers ACK. */
    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/agency/registry/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(Map.entry(exchange.getRequestURI().getPath(), JSON.readTree(body)));
            byte[] ack = ("{\"message\":{\"ack_status\":\"ACK\",\"timestamp\":\"" + Instant.now()
                    + "\",\"correlation_id\":\"" + UUID.randomUUID() + "\"}}").getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ack.length);
            exchange.getResponseBody().write(ack);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    private static String callbackUri(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/agency/registry/" + path;
    }

    private static JsonNode awaitCallback(String path, Predicate<JsonNode> which) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(path, which), Optional::isPresent).get();
    }

    private static Optional<JsonNode> find(String path, Predicate<JsonNode> which) {
        synchronized (received) {
            return received.stream().filter(e -> e.getKey().endsWith("/registry/" + path))
                    .map(Map.Entry::getValue).filter(which).findFirst();
        }
    }

    private static Map<String, Object> header(String action, String senderUri) {
        Map<String, Object> header = new HashMap<>(Map.of("version", "1.0.0", "message_id", UUID.randomUUID().toString(),
                "message_ts", Instant.now().toString(), "action", action, "sender_id", AGENCY,
                "receiver_id", "social-registry.ansinh", "total_count", 1));
        if (senderUri != null) {
            header.put("sender_uri", senderUri);
        }
        return header;
    }

    private static Map<String, Object> searchItem(String reference, String queryType, Object query) {
        return Map.of("reference_id", reference, "timestamp", Instant.now().toString(),
                "search_criteria", Map.of("version", "1.0.0", "reg_type", "ns:org:RegistryType:Social",
                        "query_type", queryType, "query", query,
                        "authorize", Map.of("purpose", Map.of("text", "Cấp thẻ BHYT 2025"))));
    }

    private static Map<String, Object> search(String transaction, String senderUri, List<Map<String, Object>> items) {
        Map<String, Object> envelope = Map.of("signature", "unsigned", "header", header("search", senderUri),
                "message", Map.of("transaction_id", transaction, "search_request", items));
        DciContracts.assertValid("SearchEnvelope", envelope);
        return envelope;
    }

    private static ValidatableResponse post(Header who, String path, Object body) {
        return given().contentType(ContentType.JSON).header(who).body(body).when().post(path).then();
    }

    private static String register(String code, String commune, String citizenId) {
        return given().contentType(ContentType.JSON).header(PROVINCE)
                .body(Map.of("code", code, "areaCode", commune, "address", "Thôn Khe Rỗ", "headName", "Đặng Văn Sơn",
                        "members", List.of(Map.of("fullName", "Đặng Văn Sơn", "citizenId", citizenId,
                                "dateOfBirth", "1979-06-01", "sex", "MALE", "relationToHead", "HEAD",
                                "ethnicity", "Dao"),
                                Map.of("fullName", "Đặng Thị Mai", "dateOfBirth", "2011-02-03", "sex", "FEMALE",
                                        "relationToHead", "CHILD", "ethnicity", "Dao"))))
                .post("/api/households").then().statusCode(201).extract().path("household.id");
    }

    private static void survey(String id, long income, String... deprivations) {
        given().contentType(ContentType.JSON).header(PROVINCE)
                .body(Map.of("incomePerPersonMonth", income, "deprivations", List.of(deprivations)))
                .put("/api/households/" + id + "/surveys/2024").then().statusCode(200);
    }

    @Test
    void aSyncSearchAnswersEachQueryTypeWithGroupRecordsAsTheStandardDescribes() {
        String poor = register("DCI-S-001", "96014", "024079001111");
        survey(poor, 1_200_000, "EMPLOYMENT", "NUTRITION", "HEALTH_INSURANCE", "LATRINE");
        String notPoor = register("DCI-S-002", "96014", "024079002222");
        survey(notPoor, 2_600_000);

        JsonNode byId = JSON.valueToTree(post(INSURANCE, "/registry/sync/search", search("t-id-1", null, List.of(
                searchItem("r1", "idtype-value", Map.of("type", "NationalID", "value", "024079001111")))))
                .statusCode(200).contentType(ContentType.JSON).extract().as(Map.class));
        DciContracts.assertValid("OnSearchEnvelope", byId);
        assertEquals("on-search", byId.at("/header/action").asText());
        assertEquals(AGENCY, byId.at("/header/receiver_id").asText());
        JsonNode answer = byId.at("/message/search_response/0");
        assertEquals("succ", answer.path("status").asText());
        assertEquals("t-id-1", byId.at("/message/transaction_id").asText());
        JsonNode group = answer.at("/data/reg_records/0");
        assertEquals("DCI-S-001", group.at("/group_identifier/0/identifier_value").asText());
        assertEquals(2, group.path("group_size").asInt());
        assertEquals("024079001111", group.at("/group_head_info/demographic_info/identifier/0/identifier_value").asText());
        assertEquals("Đặng", group.at("/group_head_info/demographic_info/name/surname").asText());
        assertTrue(group.at("/group_head_info/demographic_info/birth_date").isMissingNode(),
                "birth dates are not in this agency's agreement");
        assertTrue(group.at("/group_head_info/is_disabled").isMissingNode(), "health data neither");
        assertTrue(group.path("additional_attributes").toString().contains("\"POOR\""), group.toString());

        // expression and predicate, several in one message; one item cannot be answered and says why
        JsonNode batch = JSON.valueToTree(post(INSURANCE, "/registry/sync/search", search("t-batch-1", null, List.of(
                searchItem("r-expr", "expression", Map.of("type", "ns:org:QueryType:expression", "value",
                        Map.of("expression", Map.of("collection", "Group", "query", Map.of("$and", List.of(
                                Map.of("area_code", Map.of("$eq", "96014")),
                                Map.of("poverty_category", Map.of("$eq", "POOR")),
                                Map.of("survey_year", Map.of("$eq", 2024)))))))),
                searchItem("r-pred", "predicate", List.of(Map.of("seq_num", 1,
                        "expression1", Map.of("attribute_name", "area_code", "operator", "eq", "attribute_value", "96014"),
                        "condition", "and",
                        "expression2", Map.of("attribute_name", "survey_year", "operator", "eq",
                                "attribute_value", "2024")))),
                searchItem("r-bad", "predicate", List.of(Map.of("expression1", Map.of("attribute_name", "income",
                        "operator", "lt", "attribute_value", "1000000")))))))
                .statusCode(200).extract().as(Map.class));
        DciContracts.assertValid("OnSearchEnvelope", batch);
        JsonNode items = batch.at("/message/search_response");
        assertEquals(List.of("succ", "succ", "rjct"), List.of(items.get(0).path("status").asText(),
                items.get(1).path("status").asText(), items.get(2).path("status").asText()));
        assertEquals(1, items.get(0).at("/pagination/total_count").asInt());
        assertEquals("DCI-S-001", items.get(0).at("/data/reg_records/0/group_identifier/0/identifier_value").asText());
        assertEquals(2, items.get(1).at("/pagination/total_count").asInt());
        assertEquals("rjct.search_criteria.invalid", items.get(2).path("status_reason_code").asText());
        assertTrue(items.get(2).path("status_reason_message").asText().contains("operator must be eq")
                || items.get(2).path("status_reason_message").asText().contains("income"),
                items.get(2).toString());

        // pages count from 1
        Map<String, Object> paged = searchItem("r-page", "expression", Map.of("type", "expression", "value",
                Map.of("expression", Map.of("query", Map.of("area_code", "96014", "survey_year", 2024)))));
        @SuppressWarnings("unchecked")
        Map<String, Object> criteria = new HashMap<>((Map<String, Object>) paged.get("search_criteria"));
        criteria.put("pagination", Map.of("page_size", 1, "page_number", 2));
        Map<String, Object> pagedItem = new HashMap<>(paged);
        pagedItem.put("search_criteria", criteria);
        JsonNode page2 = JSON.valueToTree(post(INSURANCE, "/registry/sync/search",
                search("t-page", null, List.of(pagedItem))).statusCode(200).extract().as(Map.class));
        assertEquals("DCI-S-002", page2.at("/message/search_response/0/data/reg_records/0/group_identifier/0/identifier_value")
                .asText());
        assertEquals(2, page2.at("/message/search_response/0/pagination/total_count").asInt());

        // each record disclosed to the agency is in the audit, with the stated purpose
        given().header(TestTokens.as("thanh-tra", "inspector")).get("/api/personal-data-access?record=" + poor)
                .then().statusCode(200).body("items[0].client", equalTo(AGENCY))
                .body("items[0].purpose", equalTo("Cấp thẻ BHYT 2025"))
                .body("items[0].fields", equalTo("citizenId"));
    }

    @Test
    void anAsyncSearchIsAcknowledgedAtOnceAndItsAnswerPostedBackAndItsStatusCanBeAsked() {
        register("DCI-A-001", "96014", "024079003333");
        String transaction = "t-async-" + UUID.randomUUID();
        JsonNode ack = JSON.valueToTree(post(INSURANCE, "/registry/search", search(transaction,
                callbackUri("on-search"), List.of(searchItem("ra", "idtype-value",
                        Map.of("type", "HouseholdID", "value", "DCI-A-001"))))).statusCode(200).extract().as(Map.class));
        DciContracts.assertValid("Ack", ack);
        assertEquals("ACK", ack.at("/message/ack_status").asText());
        String correlation = ack.at("/message/correlation_id").asText();

        JsonNode onSearch = awaitCallback("on-search", b -> transaction.equals(b.at("/message/transaction_id").asText()));
        DciContracts.assertValid("OnSearchEnvelope", onSearch);
        assertEquals(correlation, onSearch.at("/message/correlation_id").asText());
        assertEquals("DCI-A-001", onSearch.at("/message/search_response/0/data/reg_records/0/group_identifier/0/identifier_value")
                .asText());

        // status, by transaction id and by reference ids: the answer that was sent
        List<Map<String, Object>> lookups = List.of(
                Map.of("attribute_type", "transaction_id", "attribute_value", transaction),
                Map.of("attribute_type", "reference_id_list", "attribute_value", List.of("ra")));
        for (Map<String, Object> by : lookups) {
            Map<String, Object> request = new HashMap<>(by);
            request.putAll(Map.of("reference_id", "st-1", "txn_type", "search"));
            JsonNode status = JSON.valueToTree(post(INSURANCE, "/registry/sync/txn/status", Map.of(
                    "header", header("txn-status", null), "message", Map.of("transaction_id", "t-st-" + UUID.randomUUID(),
                            "txnstatus_request", request))).statusCode(200).extract().as(Map.class));
            DciContracts.assertValid("TxnOnStatusEnvelope", status);
            assertEquals(correlation, status.at("/message/txnstatus_response/txn_status/correlation_id").asText());
            assertEquals("succ", status.at("/message/txnstatus_response/txn_status/search_response/0/status").asText());
        }
        // another agency cannot see it
        Header other = TestTokens.of("vbsp-api", "agency").client("vbsp-gateway").header();
        Map<String, Object> otherHeader = new HashMap<>(header("txn-status", null));
        otherHeader.put("sender_id", "vbsp-gateway");
        JsonNode notFound = JSON.valueToTree(post(other, "/registry/sync/txn/status", Map.of("header", otherHeader,
                "message", Map.of("transaction_id", "t-st-x", "txnstatus_request", Map.of("reference_id", "st-2",
                        "txn_type", "search", "attribute_type", "transaction_id", "attribute_value", transaction))))
                .statusCode(404).extract().as(Map.class));
        DciContracts.assertValid("Ack", notFound);
        assertEquals("err.request.not_found", notFound.at("/message/error/code").asText());

        // and the status asked asynchronously comes back by callback
        String statusTransaction = "t-ast-" + UUID.randomUUID();
        post(INSURANCE, "/registry/txn/status", Map.of("header", header("txn-status", callbackUri("txn/on-status")),
                "message", Map.of("transaction_id", statusTransaction, "txnstatus_request", Map.of("reference_id", "st-3",
                        "txn_type", "search", "attribute_type", "correlation_id", "attribute_value", correlation))))
                .statusCode(200).body("message.ack_status", equalTo("ACK"));
        JsonNode onStatus = awaitCallback("txn/on-status",
                b -> statusTransaction.equals(b.at("/message/transaction_id").asText()));
        DciContracts.assertValid("TxnOnStatusEnvelope", onStatus);
        assertEquals(correlation, onStatus.at("/message/txnstatus_response/txn_status/correlation_id").asText());
    }

    @Test
    void aSubscriberIsNotifiedOfRegistrationsAndNewMembersInItsAreaUntilItUnsubscribes() {
        Header subscriber = TestTokens.of("bhxh-api", "agency").client(AGENCY).scopes("personal:citizen-id").header();
        String area = subscribe(subscriber, "REGISTER", Map.of("type", "AreaCode", "value", "96015"));
        String province = subscribe(subscriber, "REGISTER", Map.of());
        String members = subscribe(subscriber, "NewHouseHoldMember", Map.of("type", "AreaCode", "value", "96015"));

        String inArea = register("DCI-N-001", "96015", "024079004444");
        JsonNode notify = awaitCallback("notify", b -> area.equals(b.at("/message/transaction_id").asText())
                && b.toString().contains("DCI-N-001"));
        DciContracts.assertValid("NotifyEnvelope", notify);
        assertEquals("REGISTER", notify.at("/message/notify_event/0/data/reg_event_type").asText());
        assertEquals("024079004444",
                notify.at("/message/notify_event/0/data/reg_records/group_head_info/demographic_info/identifier/0/identifier_value")
                        .asText());

        // elsewhere: the province-wide subscription hears of it, the commune's does not
        register("DCI-N-002", "95012", "024079005555");
        awaitCallback("notify", b -> province.equals(b.at("/message/transaction_id").asText())
                && b.toString().contains("DCI-N-002"));
        assertFalse(find("notify", b -> area.equals(b.at("/message/transaction_id").asText())
                && b.toString().contains("DCI-N-002")).isPresent());

        // a new member
        given().contentType(ContentType.JSON).header(PROVINCE).body(Map.of("fullName", "Đặng Văn Phúc",
                "dateOfBirth", "2025-01-09", "sex", "MALE", "relationToHead", "CHILD", "ethnicity", "Dao"))
                .post("/api/households/" + inArea + "/members").then().statusCode(201);
        JsonNode newMember = awaitCallback("notify", b -> members.equals(b.at("/message/transaction_id").asText()));
        DciContracts.assertValid("NotifyEnvelope", newMember);
        assertEquals(3, newMember.at("/message/notify_event/0/data/reg_records/group_size").asInt());

        // unsubscribed, it hears nothing more (the province-wide one, still on, shows the event was handled)
        String unsubscribeTransaction = "t-unsub-" + UUID.randomUUID();
        post(subscriber, "/registry/unsubscribe", Map.of("header", header("unsubscribe", callbackUri("on-unsubscribe")),
                "message", Map.of("transaction_id", unsubscribeTransaction, "timestamp", Instant.now().toString(),
                        "subscription_codes", List.of(area)))).statusCode(200).body("message.ack_status", equalTo("ACK"));
        JsonNode unsubscribed = awaitCallback("on-unsubscribe",
                b -> unsubscribeTransaction.equals(b.at("/message/transaction_id").asText()));
        DciContracts.assertValid("OnUnsubscribeEnvelope", unsubscribed);
        assertEquals("unsubscribe", unsubscribed.at("/message/subscription_status/0/status").asText());
        register("DCI-N-003", "96015", "024079006666");
        awaitCallback("notify", b -> province.equals(b.at("/message/transaction_id").asText())
                && b.toString().contains("DCI-N-003"));
        assertFalse(find("notify", b -> area.equals(b.at("/message/transaction_id").asText())
                && b.toString().contains("DCI-N-003")).isPresent());

        // the other tests' registrations are no news to this agency
        post(subscriber, "/registry/unsubscribe", Map.of("header", header("unsubscribe", callbackUri("on-unsubscribe")),
                "message", Map.of("transaction_id", "t-unsub-all-" + UUID.randomUUID(), "timestamp",
                        Instant.now().toString(), "subscription_codes", List.of(province, members))))
                .statusCode(200).body("message.ack_status", equalTo("ACK"));
    }

    /** Subscribes and returns the code the on-subscribe callback brings. */
    private String subscribe(Header who, String eventType, Map<String, Object> filter) {
        String transaction = "t-sub-" + UUID.randomUUID();
        Map<String, Object> criteria = new HashMap<>(Map.of("reg_event_type", eventType, "notify_record_type", "Group"));
        if (!filter.isEmpty()) {
            criteria.put("filter_type", "idtype-value");
            criteria.put("filter", filter);
        }
        given().contentType(ContentType.JSON).header(who).header("X-Purpose", "BHYT-card-issuing")
                .body(Map.of("header", header("subscribe", callbackUri("on-subscribe")), "message",
                        Map.of("transaction_id", transaction, "subscribe_request", List.of(Map.of(
                                "reference_id", "s-1", "timestamp", Instant.now().toString(),
                                "subscribe_criteria", criteria)))))
                .post("/registry/subscribe").then().statusCode(200).body("message.ack_status", equalTo("ACK"));
        JsonNode onSubscribe = awaitCallback("on-subscribe",
                b -> transaction.equals(b.at("/message/transaction_id").asText()));
        DciContracts.assertValid("OnSubscribeEnvelope", onSubscribe);
        assertEquals("succ", onSubscribe.at("/message/subscribe_response/0/status").asText(), onSubscribe.toString());
        return onSubscribe.at("/message/subscribe_response/0/subscriptions/0/code").asText();
    }

    @Test
    void aRequestThatIsNotAValidEnvelopeIsAnsweredWithAnErrorAcknowledgement() {
        Map<String, Object> good = search("t-err", null, List.of(searchItem("r", "idtype-value",
                Map.of("type", "HouseholdID", "value", "X"))));
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] { "/registry/sync/search", "{not json", "err.request.bad" });
        cases.add(new Object[] { "/registry/sync/search", Map.of("message", good.get("message")), "err.request.bad" });
        cases.add(new Object[] { "/registry/sync/search", with(good, "action", "subscribe"), "err.request.bad" });
        cases.add(new Object[] { "/registry/sync/search", with(good, "version", "2.0.0"), "err.version.not_supported" });
        cases.add(new Object[] { "/registry/sync/search", with(good, "sender_id", "someone-else"), "err.sender_id.invalid" });
        cases.add(new Object[] { "/registry/sync/search", with(good, "receiver_id", "crvs.example"), "err.receiver_id.invalid" });
        cases.add(new Object[] { "/registry/sync/search", with(good, "is_msg_encrypted", true), "err.encryption.invalid" });
        cases.add(new Object[] { "/registry/sync/search", with(good, "message_ts", "yesterday"), "err.request.bad" });
        cases.add(new Object[] { "/registry/search", good, "err.sender_uri.invalid" });
        cases.add(new Object[] { "/registry/search", with(good, "sender_uri", "http://169.254.169.254/latest"),
                "err.sender_uri.invalid" });
        for (Object[] c : cases) {
            JsonNode refused = JSON.valueToTree(given().contentType(ContentType.JSON).header(INSURANCE).body(c[1])
                    .post((String) c[0]).then().statusCode(400).contentType(ContentType.JSON).extract().as(Map.class));
            DciContracts.assertValid("Ack", refused);
            assertEquals("ERR", refused.at("/message/ack_status").asText());
            assertEquals(c[2], refused.at("/message/error/code").asText(), refused.toString());
            assertFalse(refused.toString().contains("Exception"), refused.toString());
        }
        // the token still comes first; an approver has no business here
        given().noFilters().contentType(ContentType.JSON).body(good).post("/registry/sync/search").then()
                .statusCode(401);
        given().contentType(ContentType.JSON).header(TestTokens.as("duyet", "approver")).body(good)
                .post("/registry/sync/search").then().statusCode(403);
        // an agency without citizen IDs in its agreement cannot search by one
        Header bank = TestTokens.of("vbsp-api", "agency").client(AGENCY).header();
        post(bank, "/registry/sync/search", search("t-nocid", null, List.of(searchItem("r", "idtype-value",
                Map.of("type", "NationalID", "value", "024079001111"))))).statusCode(200)
                .body("message.search_response[0].status", equalTo("rjct"))
                .body("message.search_response[0].status_reason_message", containsString("citizen ID"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> envelope, String headerField, Object value) {
        Map<String, Object> header = new HashMap<>((Map<String, Object>) envelope.get("header"));
        header.put(headerField, value);
        return Map.of("header", header, "message", envelope.get("message"));
    }
}
