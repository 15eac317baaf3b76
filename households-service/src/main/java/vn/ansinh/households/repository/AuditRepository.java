package vn.ansinh.households.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import vn.ansinh.households.domain.AuditEntry;
import vn.ansinh.platform.db.CopyIn;

/** The audit trail: appended to, never changed. */
@ApplicationScoped
public class AuditRepository {

    private final EntityManager entityManager;

    public AuditRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void append(AuditEntry entry) {
        entityManager.createNativeQuery("""
                INSERT INTO audit_entry (at, actor, action, entity_type, entity_id, before, after)
                VALUES (?1, ?2, ?3, ?4, ?5, cast(?6 AS jsonb), cast(?7 AS jsonb))
                """)
                .setParameter(1, entry.at()).setParameter(2, entry.actor()).setParameter(3, entry.action())
                .setParameter(4, entry.entityType()).setParameter(5, entry.entityId())
                .setParameter(6, entry.before()).setParameter(7, entry.after())
                .executeUpdate();
    }

    /** Appends many entries with COPY (imports). */
    public void appendAll(List<AuditEntry> entries) {
        CopyIn rows = new CopyIn("audit_entry", "at", "actor", "action", "entity_type", "entity_id", "before", "after");
        entries.forEach(e -> rows.row(e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), e.before(),
                e.after()));
        entityManager.unwrap(Session.class).doWork(rows::send);
    }

    @SuppressWarnings("unchecked")
    public List<AuditEntry> forEntity(String entityType, String entityId, int page, int size) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT at, actor, action, entity_type, entity_id, cast(before AS text), cast(after AS text)
                FROM audit_entry WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY id DESC
                """).setParameter(1, entityType).setParameter(2, entityId)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return rows.stream().map(r -> new AuditEntry(toInstant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6])).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
