package vn.ansinh.households.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The DCI tables (V8__dci.sql): requests and their answers, callbacks to deliver, subscriptions. */
@ApplicationScoped
public class DciRepository {

    /** A stored request; JSON columns as text. */
    public record Transaction(String correlationId, String transactionId, String client, String action,
            String senderId, String senderUri, String request, String caller, String status, String response) {
    }

    public record Callback(long id, String url, String body, int attempts) {
    }

    public record Subscription(String code, String client, String senderId, String notifyUri, String regEventType,
            String areaCode, String recordType, String caller, Instant createdAt) {
    }

    private final EntityManager entityManager;

    public DciRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void insertTransaction(Transaction t, List<String> referenceIds, Instant at) {
        entityManager.createNativeQuery("""
                insert into dci_transaction (correlation_id, transaction_id, client, action, sender_id, sender_uri,
                    reference_ids, request, caller, status, response, received_at, completed_at)
                values (?1, ?2, ?3, ?4, ?5, nullif(?6, ''), cast(?7 as text[]), cast(?8 as jsonb), cast(?9 as jsonb),
                    ?10, cast(nullif(?11, '') as jsonb), ?12, """ + (t.response() == null ? "null" : "?12") + ")")
                .setParameter(1, t.correlationId()).setParameter(2, t.transactionId()).setParameter(3, t.client())
                .setParameter(4, t.action()).setParameter(5, t.senderId())
                .setParameter(6, t.senderUri() == null ? "" : t.senderUri())
                .setParameter(7, "{" + String.join(",", referenceIds.stream().map(DciRepository::arrayItem).toList())
                        + "}")
                .setParameter(8, t.request()).setParameter(9, t.caller()).setParameter(10, t.status())
                .setParameter(11, t.response() == null ? "" : t.response()).setParameter(12, Timestamp.from(at))
                .executeUpdate();
    }

    /** The oldest unanswered asynchronous requests, locked so that another replica skips them. */
    @SuppressWarnings("unchecked")
    public List<Transaction> lockPending(int limit) {
        return ((List<Object[]>) entityManager.createNativeQuery("""
                select correlation_id, transaction_id, client, action, sender_id, sender_uri, request::text,
                    caller::text, status, response::text
                from dci_transaction where status = 'pdng' order by received_at limit ?1 for update skip locked""")
                .setParameter(1, limit).getResultList()).stream().map(DciRepository::transaction).toList();
    }

    public void complete(String correlationId, String status, String response, Instant at) {
        entityManager.createNativeQuery("""
                update dci_transaction set status = ?2, response = cast(?3 as jsonb), completed_at = ?4
                where correlation_id = ?1""")
                .setParameter(1, correlationId).setParameter(2, status).setParameter(3, response)
                .setParameter(4, Timestamp.from(at)).executeUpdate();
    }

    /**
     * A client's transaction found by transaction id, correlation id or any of its reference ids
     * ({@code attribute} is the DCI attribute_type).
     */
    @SuppressWarnings("unchecked")
    public Optional<Transaction> find(String client, String action, String attribute, List<String> values) {
        String condition = switch (attribute) {
            case "transaction_id" -> "transaction_id = ?3";
            case "correlation_id" -> "correlation_id = ?3";
            default -> "reference_ids && cast(?3 as text[])";
        };
        Object value = attribute.equals("reference_id_list")
                ? "{" + String.join(",", values.stream().map(DciRepository::arrayItem).toList()) + "}"
                : values.get(0);
        List<Object[]> rows = entityManager.createNativeQuery("""
                select correlation_id, transaction_id, client, action, sender_id, sender_uri, request::text,
                    caller::text, status, response::text
                from dci_transaction where client = ?1 and action = ?2""" + " and " + condition
                + " order by received_at desc limit 1")
                .setParameter(1, client).setParameter(2, action).setParameter(3, value).getResultList();
        return rows.stream().findFirst().map(DciRepository::transaction);
    }

    public void enqueueCallback(String url, String body, Instant at) {
        entityManager.createNativeQuery("""
                insert into dci_callback (url, body, next_attempt_at, created_at) values (?1, ?2, ?3, ?3)""")
                .setParameter(1, url).setParameter(2, body).setParameter(3, Timestamp.from(at)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Callback> lockDueCallbacks(int limit, Instant now) {
        return ((List<Object[]>) entityManager.createNativeQuery("""
                select id, url, body, attempts from dci_callback
                where delivered_at is null and abandoned_at is null and next_attempt_at <= ?1
                order by id limit ?2 for update skip locked""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList()).stream()
                .map(r -> new Callback(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        ((Number) r[3]).intValue()))
                .toList();
    }

    public void delivered(long id, Instant at) {
        entityManager.createNativeQuery("update dci_callback set delivered_at = ?2, attempts = attempts + 1 where id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    /** A failed attempt: tried again at {@code next}, or given up when {@code next} is null. */
    public void failed(long id, String error, Instant next, Instant at) {
        entityManager.createNativeQuery(next == null
                ? "update dci_callback set attempts = attempts + 1, last_error = ?2, abandoned_at = ?3 where id = ?1"
                : "update dci_callback set attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, error).setParameter(3, Timestamp.from(next == null ? at : next))
                .executeUpdate();
    }

    public void insertSubscription(Subscription s) {
        entityManager.createNativeQuery("""
                insert into dci_subscription (code, client, sender_id, notify_uri, reg_event_type, area_code,
                    record_type, caller, status, created_at)
                values (?1, ?2, ?3, ?4, ?5, nullif(?6, ''), ?7, cast(?8 as jsonb), 'subscribe', ?9)""")
                .setParameter(1, s.code()).setParameter(2, s.client()).setParameter(3, s.senderId())
                .setParameter(4, s.notifyUri()).setParameter(5, s.regEventType()).setParameter(6, s.areaCode() == null ? "" : s.areaCode())
                .setParameter(7, s.recordType()).setParameter(8, s.caller()).setParameter(9, Timestamp.from(s.createdAt()))
                .executeUpdate();
    }

    /** Ends a client's active subscription; false when it has none with that code. */
    public boolean endSubscription(String client, String code, Instant at) {
        return entityManager.createNativeQuery("""
                update dci_subscription set status = 'unsubscribe', ended_at = ?3
                where code = ?1 and client = ?2 and status = 'subscribe'""")
                .setParameter(1, code).setParameter(2, client).setParameter(3, Timestamp.from(at))
                .executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    public List<Subscription> activeSubscriptions(String regEventType) {
        return ((List<Object[]>) entityManager.createNativeQuery("""
                select code, client, sender_id, notify_uri, reg_event_type, area_code, record_type, caller::text,
                    created_at
                from dci_subscription where status = 'subscribe' and reg_event_type = ?1""")
                .setParameter(1, regEventType).getResultList()).stream()
                .map(r -> new Subscription((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], (String) r[6], (String) r[7], instant(r[8])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public java.util.Set<String> subscribedEventTypes() {
        return java.util.Set.copyOf(entityManager.createNativeQuery(
                "select distinct reg_event_type from dci_subscription where status = 'subscribe'").getResultList());
    }

    private static Transaction transaction(Object[] r) {
        return new Transaction((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** A PostgreSQL array literal item, quoted. */
    private static String arrayItem(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
