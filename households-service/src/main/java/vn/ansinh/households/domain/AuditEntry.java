package vn.ansinh.households.domain;

import java.time.Instant;

/** One line of the audit trail: who did what to which record, with the state before and after (JSON). */
public record AuditEntry(Instant at, String actor, String action, String entityType, String entityId, String before,
        String after) {
}
