package vn.ansinh.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.problem.ProblemException;

/**
 * Decides which personal data a read may show and keeps the trail of agencies' reads of it.
 * Resources ask before they build their answer: what is not granted is masked; an agency that is
 * granted anything must state its purpose, and its read is recorded before the data leaves.
 */
@RequestScoped
public class PersonalDataAudit {

    public record Access(UUID id, Instant at, String actor, String client, String roles, String recordType,
            String recordId, String fields, String purpose, String request) {
    }

    public record Filter(String actor, String client, String recordId, Instant from, Instant to) {
    }

    private final EntityManager entityManager;
    private final Caller caller;
    private final UriInfo uri;

    public PersonalDataAudit(EntityManager entityManager, Caller caller, UriInfo uri) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.uri = uri;
    }

    /**
     * The personal fields this caller sees in these records. For an agency that sees any, the
     * purpose is required and each record's read is recorded (in this transaction, so an audit
     * that cannot be written fails the read).
     */
    @Transactional
    public Set<PersonalField> reveal(String recordType, Collection<?> recordIds) {
        Set<PersonalField> fields = caller.personalFields();
        if (!caller.isAgency() || fields.isEmpty()) {
            return fields;
        }
        String purpose = caller.purpose().orElseThrow(() -> ProblemException.invalid(Caller.PURPOSE_HEADER,
                "is required: state why personal data is read (e.g. the case or agreement reference)"));
        if (purpose.length() > 500) {
            throw ProblemException.invalid(Caller.PURPOSE_HEADER, "must be at most 500 characters");
        }
        if (recordIds.isEmpty()) {
            return fields;
        }
        Instant now = Instant.now();
        String names = fields.stream().map(PersonalField::field).sorted().collect(Collectors.joining(","));
        String roles = caller.roles().stream().sorted().collect(Collectors.joining(","));
        String request = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        StringBuilder sql = new StringBuilder("insert into personal_data_access "
                + "(id, at, actor, client, roles, record_type, record_id, fields, purpose, request) values ");
        List<Object> values = new ArrayList<>();
        for (Object recordId : recordIds) {
            sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            values.addAll(List.of(Ids.newId(), Timestamp.from(now), caller.name()));
            values.add(caller.client());
            values.addAll(List.of(roles, recordType, recordId.toString(), names, purpose, request));
        }
        Query insert = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
        return fields;
    }

    /** Fields masked in an answer, named as clients see them. */
    public static List<String> masked(Set<PersonalField> visible) {
        EnumSet<PersonalField> hidden = EnumSet.allOf(PersonalField.class);
        hidden.removeAll(visible);
        return hidden.stream().map(PersonalField::field).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Access> find(Filter filter, int page, int size) {
        Query query = entityManager.createNativeQuery("select id, at, actor, client, roles, record_type, record_id, "
                + "fields, purpose, request from personal_data_access" + where(filter)
                + " order by at desc, id desc limit " + size + " offset " + (long) page * size);
        bind(query, filter);
        List<Access> accesses = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            accesses.add(new Access((UUID) c[0], toInstant(c[1]), (String) c[2], (String) c[3], (String) c[4],
                    (String) c[5], (String) c[6], (String) c[7], (String) c[8], (String) c[9]));
        }
        return accesses;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Filter filter) {
        Query query = entityManager.createNativeQuery("select count(*) from personal_data_access" + where(filter));
        bind(query, filter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(Filter f) {
        List<String> conditions = new ArrayList<>();
        if (f.actor() != null) {
            conditions.add("actor = :actor");
        }
        if (f.client() != null) {
            conditions.add("client = :client");
        }
        if (f.recordId() != null) {
            conditions.add("record_id = :record");
        }
        if (f.from() != null) {
            conditions.add("at >= :from");
        }
        if (f.to() != null) {
            conditions.add("at < :to");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void bind(Query query, Filter f) {
        if (f.actor() != null) {
            query.setParameter("actor", f.actor());
        }
        if (f.client() != null) {
            query.setParameter("client", f.client());
        }
        if (f.recordId() != null) {
            query.setParameter("record", f.recordId());
        }
        if (f.from() != null) {
            query.setParameter("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            query.setParameter("to", Timestamp.from(f.to()));
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
