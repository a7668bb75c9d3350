package io.switchboard.work.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * Something done to personal data, as kept in audit_event: never the data itself. A customer is named by the
 * SHA-256 of the key asked for ({@code customer:<hex>}), so a repeated request can be matched without keeping who it
 * was; {@code details} counts what was removed.
 *
 * @param action {@code CUSTOMER_ERASED} or {@code MESSAGES_EXPIRED}
 * @param actor  the supervisor who asked, or {@code retention} for the scheduled run
 */
public record AuditEntry(String id, String action, String actor, String subject, Map<String, Object> details,
        Instant occurredAt) {
}
