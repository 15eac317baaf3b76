package vn.ansinh.households.rest;

import static vn.ansinh.platform.security.Roles.AGENCY;
import static vn.ansinh.platform.security.Roles.COMMUNE_OFFICER;
import static vn.ansinh.platform.security.Roles.DISTRICT_OFFICER;
import static vn.ansinh.platform.security.Roles.INSPECTOR;
import static vn.ansinh.platform.security.Roles.PROVINCE_OFFICER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ansinh.households.service.DciConfig;
import vn.ansinh.households.service.DciService;
import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.security.Caller;

/**
 * The DCI Social Registry API (SPDCI {@code social_api} v1.0.0) for other agencies' systems:
 * search (sync, and async with the answer posted to the caller's {@code /registry/on-search}),
 * subscriptions to registrations and new members with notifications, transaction status. The
 * standard's envelope (signature, header, message) in and out; a request that is not a valid
 * envelope is answered with an error acknowledgement ({@code ack_status: ERR}) and its code.
 */
@Path("/registry")
@Tag(name = "DCI Social Registry API")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ AGENCY, PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, INSPECTOR })
public class DciRegistryResource {

    /** Largest request body accepted (a batch of searches is small; uploads go elsewhere). */
    private static final int MAX_BODY = 256 * 1024;

    private final DciService dci;
    private final Caller caller;
    private final ObjectMapper json;
    private final DciConfig config;

    public DciRegistryResource(DciService dci, Caller caller, ObjectMapper json, DciConfig config) {
        this.dci = dci;
        this.caller = caller;
        this.json = json;
        this.config = config;
    }

    /** A request that is not a valid DCI envelope: the standard's error code and why. */
    static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private record Envelope(DciService.Header header, JsonNode message) {
    }

    @POST
    @Path("/sync/search")
    @Operation(summary = "Search households now (idtype-value, expression or predicate queries)")
    public Response syncSearch(String body) {
        try {
            Envelope request = envelope(body, "search", false, "search_request");
            ObjectNode response = dci.syncSearch(caller.snapshot(), request.header(), request.message());
            return Response.ok(dci.envelope("on-search", "succ", request.header().senderId(), response,
                    response.path("search_response").size())).build();
        } catch (Refused refused) {
            return error(refused);
        }
    }

    @POST
    @Path("/search")
    @Operation(summary = "Search households; ACK now, the answer posted to header.sender_uri (/registry/on-search)")
    public Response search(String body) {
        try {
            Envelope request = envelope(body, "search", true, "search_request");
            return ack(dci.asyncSearch(caller.snapshot(), request.header(), request.message()));
        } catch (Refused refused) {
            return error(refused);
        }
    }

    @POST
    @Path("/subscribe")
    @Operation(summary = "Subscribe to REGISTER or NewHouseHoldMember events; codes posted to /registry/on-subscribe")
    public Response subscribe(String body) {
        try {
            Envelope request = envelope(body, "subscribe", true, "subscribe_request");
            return ack(dci.subscribe(caller.snapshot(), request.header(), request.message()));
        } catch (Refused refused) {
            return error(refused);
        }
    }

    @POST
    @Path("/unsubscribe")
    @Operation(summary = "End subscriptions by code; outcome posted to /registry/on-unsubscribe")
    public Response unsubscribe(String body) {
        try {
            Envelope request = envelope(body, "unsubscribe", true, "subscription_codes");
            return ack(dci.unsubscribe(caller.snapshot(), request.header(), request.message()));
        } catch (Refused refused) {
            return error(refused);
        }
    }

    @POST
    @Path("/sync/txn/status")
    @Operation(summary = "Status (and answer) of an earlier request, by transaction id, correlation id or reference ids")
    public Response syncTxnStatus(String body) {
        try {
            Envelope request = envelope(body, "txn-status", false, "txnstatus_request");
            checkStatusRequest(request.message());
            Optional<ObjectNode> status = dci.txnStatus(caller.snapshot(), request.message());
            if (status.isEmpty()) {
                throw new Refused(404, "err.request.not_found", "no transaction of yours matches");
            }
            return Response.ok(dci.envelope("txn-on-status", "succ", request.header().senderId(), status.get(), 1))
                    .build();
        } catch (Refused refused) {
            return error(refused);
        }
    }

    @POST
    @Path("/txn/status")
    @Operation(summary = "Status of an earlier request, posted to /registry/txn/on-status")
    public Response txnStatus(String body) {
        try {
            Envelope request = envelope(body, "txn-status", true, "txnstatus_request");
            checkStatusRequest(request.message());
            return ack(dci.asyncTxnStatus(caller.snapshot(), request.header(), request.message()));
        } catch (Refused refused) {
            return error(refused);
        }
    }

    /** Parses and checks the envelope; the message must carry {@code payload}. */
    private Envelope envelope(String body, String action, boolean async, String payload) {
        if (body == null || body.isBlank()) {
            throw bad("the body must be a DCI envelope: {signature, header, message}");
        }
        if (body.length() > MAX_BODY) {
            throw new Refused(413, "err.request.bad", "the message is larger than " + MAX_BODY / 1024 + " KB");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("the body is not valid JSON");
        }
        JsonNode header = root.path("header");
        JsonNode message = root.path("message");
        if (!header.isObject() || !message.isObject()) {
            throw bad("header and message are required objects");
        }
        if (header.has("version") && !header.path("version").asText().equals(DciService.VERSION)) {
            throw new Refused(400, "err.version.not_supported", "version " + header.path("version").asText()
                    + " is not supported; use " + DciService.VERSION);
        }
        if (!header.path("action").asText().equals(action)) {
            throw bad("header.action must be '" + action + "' on this endpoint");
        }
        if (header.path("message_id").asText("").isBlank()) {
            throw bad("header.message_id is required");
        }
        try {
            OffsetDateTime.parse(header.path("message_ts").asText(""));
        } catch (DateTimeParseException e) {
            throw bad("header.message_ts must be an ISO 8601 date-time with its offset");
        }
        if (!header.path("total_count").canConvertToInt()) {
            throw bad("header.total_count must be an integer");
        }
        if (header.path("is_msg_encrypted").asBoolean(false)) {
            throw new Refused(400, "err.encryption.invalid", "encrypted messages are not accepted; TLS protects them");
        }
        String senderId = header.path("sender_id").asText("");
        String client = caller.client();
        if (senderId.isBlank() || (client != null && !client.equals(senderId))) {
            throw new Refused(400, "err.sender_id.invalid", "header.sender_id must be your client id"
                    + (client == null ? "" : " (" + client + ")"));
        }
        if (header.has("receiver_id") && !header.path("receiver_id").asText().equals(config.registryId())) {
            throw new Refused(400, "err.receiver_id.invalid", "header.receiver_id must be " + config.registryId());
        }
        String senderUri = header.path("sender_uri").isTextual() ? header.path("sender_uri").asText() : null;
        if (async && !dci.callbackAllowed(senderUri)) {
            throw new Refused(400, "err.sender_uri.invalid", "header.sender_uri must be the callback address agreed"
                    + " for your system");
        }
        String transactionId = message.path("transaction_id").asText("");
        if (transactionId.isBlank() || transactionId.length() > 99) {
            throw bad("message.transaction_id is required (at most 99 characters)");
        }
        JsonNode items = message.path(payload);
        if (payload.endsWith("_request") && !payload.equals("txnstatus_request")) {
            if (!items.isArray() || items.isEmpty()) {
                throw bad("message." + payload + " must be a non-empty list");
            }
            if (items.size() > config.maxBatch()) {
                throw bad("message." + payload + " holds at most " + config.maxBatch() + " requests");
            }
        } else if (payload.equals("subscription_codes") ? !items.isArray() || items.isEmpty() : !items.isObject()) {
            throw bad("message." + payload + " is required");
        }
        return new Envelope(new DciService.Header(header.path("message_id").asText(), action, senderId, senderUri),
                message);
    }

    private static void checkStatusRequest(JsonNode message) {
        JsonNode request = message.path("txnstatus_request");
        if (!java.util.List.of("search", "subscribe").contains(request.path("txn_type").asText())) {
            throw bad("txnstatus_request.txn_type must be search or subscribe");
        }
        if (!java.util.List.of("transaction_id", "correlation_id", "reference_id_list")
                .contains(request.path("attribute_type").asText())) {
            throw bad("txnstatus_request.attribute_type must be transaction_id, correlation_id or reference_id_list");
        }
        JsonNode value = request.path("attribute_value");
        if (value.isMissingNode() || value.isNull() || (value.isArray() && value.isEmpty())) {
            throw bad("txnstatus_request.attribute_value is required");
        }
    }

    private Response ack(String correlationId) {
        ObjectNode body = json.createObjectNode();
        ObjectNode message = body.putObject("message");
        message.put("ack_status", "ACK");
        message.put("timestamp", Instant.now().toString());
        message.put("correlation_id", correlationId);
        return Response.ok(body).build();
    }

    private Response error(Refused refused) {
        ObjectNode body = json.createObjectNode();
        ObjectNode message = body.putObject("message");
        message.put("ack_status", "ERR");
        message.put("timestamp", Instant.now().toString());
        message.put("correlation_id", Ids.newId().toString());
        ObjectNode error = message.putObject("error");
        error.put("code", refused.code);
        error.put("message", refused.getMessage());
        return Response.status(refused.status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static Refused bad(String message) {
        return new Refused(400, "err.request.bad", message);
    }
}
