package vn.ansinh.households.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ansinh.households.repository.AuditRepository;
import vn.ansinh.households.domain.AuditEntry;

/** Records who changed what and when, with the state before and after, in the change's transaction. */
@ApplicationScoped
public class AuditLog {

    private final AuditRepository audit;
    private final ObjectMapper json;

    public AuditLog(AuditRepository audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String entityType, Object entityId, Object before, Object after) {
        audit.append(entry(actor, action, entityType, entityId, before, after));
    }

    /** An entry to record later with {@link #recordAll}. */
    public AuditEntry entry(String actor, String action, String entityType, Object entityId, Object before,
            Object after) {
        return new AuditEntry(Instant.now(), actor, action, entityType, entityId.toString(), write(before),
                write(after));
    }

    /** Records many entries at once (imports). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<AuditEntry> entries) {
        audit.appendAll(entries);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> of(String entityType, Object entityId, int page, int size) {
        return audit.forEntity(entityType, entityId.toString(), page, size);
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record " + state.getClass().getSimpleName() + " in the audit", e);
        }
    }
}
