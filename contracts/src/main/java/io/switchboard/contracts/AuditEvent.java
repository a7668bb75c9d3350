package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * Something done to personal data on request or by policy (docs/security.md, "Personal data"), published by the
 * work-service on {@link Topics#AUDIT} and kept in its audit table. It never holds the data itself: a customer is
 * named by the SHA-256 of their key, so a repeated request can be matched without keeping who it was.
 *
 * @param actor   the supervisor who asked, or {@code retention} for the scheduled removal
 * @param subject what it was done to: {@code customer:<sha-256 of the key>}, or the retention period
 * @param details counts of what was removed ({@code workItems}, {@code messages}, {@code replies} …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
        int schemaVersion,
        String eventId,
        Action action,
        String actor,
        String subject,
        Map<String, String> details,
        Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;

    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** What was done. */
    public enum Action {
        /** A customer's contacts, messages, profile and links erased on their request; aggregate figures stay. */
        CUSTOMER_ERASED,
        /** Message text older than the retention period removed. */
        MESSAGES_EXPIRED
    }
}
