package vn.ansinh.households.service;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ansinh.households.domain.Household;
import vn.ansinh.households.repository.DciRepository;
import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.security.Caller;
import vn.ansinh.platform.security.PersonalDataLog;
import vn.ansinh.platform.security.PersonalField;

/**
 * The DCI Social Registry API's transactions: sync and async search, subscriptions and their
 * notifications, transaction status. Every request is kept with the caller's rights and its
 * answer; what goes back by callback is queued in the same transaction and delivered by
 * {@link DciWorker}.
 */
@ApplicationScoped
public class DciService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DciService.class);

    public static final String VERSION = "1.0.0";

    /** The header of a request, as checked by the resource. */
    public record Header(String messageId, String action, String senderId, String senderUri) {
    }

    /** Event types an agency may subscribe to, and the registry events behind them. */
    public static final String REGISTER = "REGISTER";
    public static final String NEW_MEMBER = "NewHouseHoldMember";

    private final DciRepository repository;
    private final DciSearch search;
    private final HouseholdService households;
    private final AreaService areas;
    private final PersonalDataLog personalData;
    private final ObjectMapper json;
    private final DciConfig config;

    public DciService(DciRepository repository, DciSearch search, HouseholdService households, AreaService areas,
            PersonalDataLog personalData, ObjectMapper json, DciConfig config) {
        this.repository = repository;
        this.search = search;
        this.households = households;
        this.areas = areas;
        this.personalData = personalData;
        this.json = json;
        this.config = config;
    }

    /** Answers a search at once (and keeps the answer for transaction status); returns the SearchResponse. */
    @Transactional
    public ObjectNode syncSearch(Caller.Snapshot who, Header header, JsonNode message) {
        String correlationId = newCorrelationId();
        ObjectNode response = searchResponse(who, message, correlationId);
        repository.insertTransaction(transaction(who, header, message, correlationId, "succ", response),
                references(message.path("search_request")), Instant.now());
        return response;
    }

    /** Keeps a search to be answered by callback; returns its correlation id. */
    @Transactional
    public String asyncSearch(Caller.Snapshot who, Header header, JsonNode message) {
        String correlationId = newCorrelationId();
        repository.insertTransaction(transaction(who, header, message, correlationId, "pdng", null),
                references(message.path("search_request")), Instant.now());
        return correlationId;
    }

    /** Answers waiting asynchronous searches (this replica's share); returns how many. */
    @Transactional
    public int answerPending(int limit) {
        List<DciRepository.Transaction> pending = repository.lockPending(limit);
        for (DciRepository.Transaction t : pending) {
            JsonNode request = read(t.request(), JsonNode.class);
            ObjectNode response;
            String status = "succ";
            try {
                response = searchResponse(read(t.caller(), Caller.Snapshot.class), request, t.correlationId());
            } catch (RuntimeException e) {
                // a search that fails is answered as failed, not retried for ever ahead of the others
                String errorId = Ids.newId().toString();
                LOG.errorf(e, "DCI search %s failed (error id %s)", t.correlationId(), errorId);
                response = failed(request, t.correlationId(), "the registry failed to answer; quote error id " + errorId);
                status = "rjct";
            }
            repository.complete(t.correlationId(), status, write(response), Instant.now());
            callback(t.senderUri(), envelope("on-search", status, t.senderId(), response,
                    response.path("search_response").size()));
        }
        return pending.size();
    }

    /**
     * Subscribes the caller to registrations or new members (in an area within theirs); the
     * subscription codes go back by the on-subscribe callback. Returns the correlation id.
     */
    @Transactional
    public String subscribe(Caller.Snapshot who, Header header, JsonNode message) {
        String correlationId = newCorrelationId();
        Instant now = Instant.now();
        ArrayNode answers = json.createArrayNode();
        for (JsonNode item : message.path("subscribe_request")) {
            ObjectNode answer = answers.addObject();
            answer.put("reference_id", item.path("reference_id").asText(""));
            answer.put("timestamp", now.toString());
            try {
                if (item.path("reference_id").asText("").isBlank()) {
                    throw new DciSearch.Rejected("rjct.reference_id.invalid", "reference_id is required");
                }
                DciRepository.Subscription subscription = subscription(who, header, item.path("subscribe_criteria"),
                        now);
                repository.insertSubscription(subscription);
                answer.put("status", "succ");
                ObjectNode info = answer.putArray("subscriptions").addObject();
                info.put("version", VERSION);
                info.put("code", subscription.code());
                info.put("status", "subscribe");
                info.put("timestamp", now.toString());
                info.put("reg_type", DciSearch.REG_TYPE);
                info.put("reg_event_type", subscription.regEventType());
                info.put("notify_record_type", subscription.recordType());
            } catch (DciSearch.Rejected rejected) {
                answer.put("status", "rjct");
                answer.put("status_reason_code", rejected.code());
                answer.put("status_reason_message", rejected.getMessage());
            }
        }
        ObjectNode response = json.createObjectNode();
        response.put("transaction_id", message.path("transaction_id").asText());
        response.put("correlation_id", correlationId);
        response.set("subscribe_response", answers);
        repository.insertTransaction(transaction(who, header, message, correlationId, "succ", response),
                references(message.path("subscribe_request")), now);
        callback(header.senderUri(), envelope("on-subscribe", "succ", header.senderId(), response, answers.size()));
        return correlationId;
    }

    /** Ends the caller's subscriptions; the outcome goes back by the on-unsubscribe callback. */
    @Transactional
    public String unsubscribe(Caller.Snapshot who, Header header, JsonNode message) {
        String correlationId = newCorrelationId();
        Instant now = Instant.now();
        ObjectNode response = json.createObjectNode();
        response.put("transaction_id", message.path("transaction_id").asText());
        response.put("correlation_id", correlationId);
        response.put("timestamp", now.toString());
        ArrayNode statuses = json.createArrayNode();
        List<String> unknown = new ArrayList<>();
        for (JsonNode code : message.path("subscription_codes")) {
            if (repository.endSubscription(client(who), code.asText(), now)) {
                ObjectNode status = statuses.addObject();
                status.put("code", code.asText());
                status.put("status", "unsubscribe");
            } else {
                unknown.add(code.asText());
            }
        }
        response.put("status", unknown.isEmpty() ? "succ" : "rjct");
        if (!unknown.isEmpty()) {
            response.put("status_reason_code", "rjct.subscription_code.invalid");
            response.put("status_reason_message", "no active subscription of yours has code " + unknown);
        }
        response.set("subscription_status", statuses);
        repository.insertTransaction(transaction(who, header, message, correlationId, response.path("status").asText(),
                response), List.of(), now);
        callback(header.senderUri(), envelope("on-unsubscribe", response.path("status").asText(), header.senderId(),
                response, message.path("subscription_codes").size()));
        return correlationId;
    }

    /** The TxnStatusResponse for a status request, if the caller has such a transaction. */
    @Transactional
    public Optional<ObjectNode> txnStatus(Caller.Snapshot who, JsonNode message) {
        JsonNode request = message.path("txnstatus_request");
        String type = request.path("txn_type").asText("");
        String attribute = request.path("attribute_type").asText("");
        List<String> values = new ArrayList<>();
        if (request.path("attribute_value").isArray()) {
            request.path("attribute_value").forEach(v -> values.add(v.asText()));
        } else {
            values.add(request.path("attribute_value").asText());
        }
        Optional<DciRepository.Transaction> found = repository.find(client(who), type, attribute, values);
        return found.map(t -> {
            ObjectNode response = json.createObjectNode();
            response.put("transaction_id", message.path("transaction_id").asText());
            response.put("correlation_id", newCorrelationId());
            ObjectNode status = response.putObject("txnstatus_response");
            status.put("txn_type", type);
            if (t.response() != null) {
                status.set("txn_status", read(t.response(), JsonNode.class));
            } else {
                // asked before the answer exists: the search is received, not yet answered
                ObjectNode pending = status.putObject("txn_status");
                pending.put("transaction_id", t.transactionId());
                pending.put("correlation_id", t.correlationId());
                ArrayNode items = pending.putArray("search_response");
                for (JsonNode item : read(t.request(), JsonNode.class).path("search_request")) {
                    ObjectNode waiting = items.addObject();
                    waiting.put("reference_id", item.path("reference_id").asText());
                    waiting.put("timestamp", Instant.now().toString());
                    waiting.put("status", "pdng");
                }
            }
            return response;
        });
    }

    /** Answers a status request by callback (txn/on-status); returns the correlation id. */
    @Transactional
    public String asyncTxnStatus(Caller.Snapshot who, Header header, JsonNode message) {
        Optional<ObjectNode> status = txnStatus(who, message);
        ObjectNode response = status.orElseGet(() -> {
            ObjectNode none = json.createObjectNode();
            none.put("transaction_id", message.path("transaction_id").asText());
            none.put("correlation_id", newCorrelationId());
            none.putObject("txnstatus_response").put("txn_type",
                    message.path("txnstatus_request").path("txn_type").asText());
            return none;
        });
        callback(header.senderUri(), envelope("txn-on-status", status.isPresent() ? "succ" : "rjct", header.senderId(),
                response, 1));
        return response.path("correlation_id").asText();
    }

    /**
     * A household registered or a member added: each subscriber to that event whose area holds
     * the household is notified (queued in the consumer's transaction, so once per event).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifySubscribers(String regEventType, UUID householdId, UUID eventId, Instant eventTime) {
        List<DciRepository.Subscription> subscriptions = repository.activeSubscriptions(regEventType);
        if (subscriptions.isEmpty()) {
            return;
        }
        Household household = households.find(householdId).orElse(null);
        if (household == null) {
            return;
        }
        for (DciRepository.Subscription s : subscriptions) {
            if (eventTime.isBefore(s.createdAt())) {
                continue; // what happened before the subscription is not news to it (a replay, a late start)
            }
            Caller.Snapshot who = read(s.caller(), Caller.Snapshot.class);
            String area = s.areaCode() != null ? s.areaCode() : who.area();
            if (!areas.within(household.areaCode(), area)) {
                continue;
            }
            if (who.agency() && !who.fields().isEmpty()) {
                personalData.record(who, who.purpose(), "household", List.of(household.id()),
                        "notify " + regEventType + " subscription " + s.code());
            }
            ObjectNode message = json.createObjectNode();
            message.put("transaction_id", s.code());
            ObjectNode event = message.putArray("notify_event").addObject();
            event.put("reference_id", eventId.toString());
            event.put("timestamp", Instant.now().toString());
            ObjectNode data = event.putObject("data");
            data.put("version", VERSION);
            data.put("reg_type", DciSearch.REG_TYPE);
            data.put("reg_event_type", regEventType);
            data.put("reg_record_type", "Group");
            data.set("reg_records", search.group(household, who.fields()));
            event.put("locale", "vie");
            callback(s.notifyUri(), envelope("notify", "succ", s.senderId(), message, 1));
        }
    }

    /** The event types someone is subscribed to now. */
    @Transactional
    public java.util.Set<String> subscribedEventTypes() {
        return repository.subscribedEventTypes();
    }

    /** Whether callbacks may go to this uri (agreed prefixes only: no requests to arbitrary hosts). */
    public boolean callbackAllowed(String uri) {
        if (uri == null || uri.isBlank()) {
            return false;
        }
        try {
            URI parsed = URI.create(uri);
            if (!List.of("http", "https").contains(parsed.getScheme()) || parsed.getHost() == null) {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return config.callbackPrefixes().orElse(List.of()).stream().anyMatch(uri::startsWith);
    }

    /** A DCI envelope from this registry: callback header (status, counts) and the message. */
    public ObjectNode envelope(String action, String status, String receiverId, JsonNode message, int count) {
        ObjectNode envelope = json.createObjectNode();
        ObjectNode header = envelope.putObject("header");
        header.put("version", VERSION);
        header.put("message_id", Ids.newId().toString());
        header.put("message_ts", Instant.now().toString());
        header.put("action", action);
        header.put("status", status);
        header.put("total_count", count);
        header.put("completed_count", count);
        header.put("sender_id", config.registryId());
        if (receiverId != null) {
            header.put("receiver_id", receiverId);
        }
        header.put("is_msg_encrypted", false);
        envelope.set("message", message);
        return envelope;
    }

    private DciRepository.Subscription subscription(Caller.Snapshot who, Header header, JsonNode criteria,
            Instant now) {
        String eventType = criteria.path("reg_event_type").asText("");
        if (!eventType.equals(REGISTER) && !eventType.equals(NEW_MEMBER)) {
            throw new DciSearch.Rejected("rjct.notify_types.invalid", "reg_event_type must be " + REGISTER + " or "
                    + NEW_MEMBER);
        }
        JsonNode filter = criteria.path("filter");
        String area = null;
        if (filter.isObject() && !filter.isEmpty()) {
            if (!filter.path("type").asText().equals("AreaCode") || !filter.path("value").isTextual()) {
                throw new DciSearch.Rejected("rjct.notify_details.invalid",
                        "filter must be {\"type\": \"AreaCode\", \"value\": <commune, district or province code>}");
            }
            area = filter.path("value").asText();
            if (areas.find(area).isEmpty() || !areas.within(area, who.area())) {
                throw new DciSearch.Rejected("rjct.notify_details.invalid", "area " + area
                        + " is unknown or outside your area");
            }
        }
        if (who.agency() && !who.fields().isEmpty() && (who.purpose() == null || who.purpose().isBlank())) {
            throw new DciSearch.Rejected("rjct.notify_details.invalid",
                    "notifications carry personal data your agreement grants: state the purpose (X-Purpose header)");
        }
        String recordType = criteria.path("notify_record_type").asText("Group");
        String notifyUri = URI.create(header.senderUri()).resolve("notify").toString();
        return new DciRepository.Subscription("sub-" + Ids.newId(), client(who), header.senderId(), notifyUri,
                eventType, area, recordType, write(who), now);
    }

    private ObjectNode failed(JsonNode request, String correlationId, String reason) {
        ObjectNode response = json.createObjectNode();
        response.put("transaction_id", request.path("transaction_id").asText());
        response.put("correlation_id", correlationId);
        ArrayNode items = response.putArray("search_response");
        for (JsonNode item : request.path("search_request")) {
            ObjectNode answer = items.addObject();
            answer.put("reference_id", item.path("reference_id").asText());
            answer.put("timestamp", Instant.now().toString());
            answer.put("status", "rjct");
            answer.put("status_reason_message", reason);
        }
        return response;
    }

    private ObjectNode searchResponse(Caller.Snapshot who, JsonNode message, String correlationId) {
        ObjectNode response = json.createObjectNode();
        response.put("transaction_id", message.path("transaction_id").asText());
        response.put("correlation_id", correlationId);
        response.set("search_response", search.answer(who, message.path("search_request"),
                "/registry search transaction " + message.path("transaction_id").asText()));
        return response;
    }

    private DciRepository.Transaction transaction(Caller.Snapshot who, Header header, JsonNode message,
            String correlationId, String status, JsonNode response) {
        return new DciRepository.Transaction(correlationId, message.path("transaction_id").asText(), client(who),
                header.action(), header.senderId(), header.senderUri(), write(message), write(who), status,
                response == null ? null : write(response));
    }

    private void callback(String url, ObjectNode envelope) {
        repository.enqueueCallback(url, write(envelope), Instant.now());
    }

    /** Transactions and subscriptions belong to the OAuth2 client (the agency's system), else the user. */
    private static String client(Caller.Snapshot who) {
        return who.client() != null ? who.client() : who.name();
    }

    private static List<String> references(JsonNode items) {
        List<String> references = new ArrayList<>();
        items.forEach(item -> references.add(item.path("reference_id").asText("")));
        return references;
    }

    private static String newCorrelationId() {
        return Ids.newId().toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
