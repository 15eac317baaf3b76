package vn.ansinh.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import vn.ansinh.platform.db.Ids;

/**
 * The table of agencies' reads of personal data ({@code personal_data_access}): written in the
 * transaction of the read, so an entry that cannot be written fails the read; queried by inspectors.
 */
@ApplicationScoped
public class PersonalDataLog {

    public record Access(UUID id, Instant at, String actor, String client, String roles, String recordType,
            String recordId, String fields, String purpose, String request) {
    }

    public record Filter(String actor, String client, String recordId, Instant from, Instant to) {
    }

    private final EntityManager entityManager;

    public PersonalDataLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One entry per record read, all at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller.Snapshot who, String purpose, String recordType, Collection<?> recordIds,
            String request) {
        if (recordIds.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String names = who.fields().stream().map(PersonalField::field).sorted().collect(Collectors.joining(","));
        String roles = who.roles().stream().sorted().collect(Collectors.joining(","));
        StringBuilder sql = new StringBuilder("insert into personal_data_access "
                + "(id, at, actor, client, roles, record_type, record_id, fields, purpose, request) values ");
        List<Object> values = new ArrayList<>();
        for (Object recordId : recordIds) {
            sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            values.addAll(List.of(Ids.newId(), now, who.name()));
            values.add(who.client());
            values.addAll(List.of(roles, recordType, recordId.toString(), names, purpose, request));
        }
        Query insert = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
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
