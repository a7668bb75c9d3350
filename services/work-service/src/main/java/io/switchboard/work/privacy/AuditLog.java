package io.switchboard.work.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Json;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * The audit trail of erasures and retention runs (audit_event, V12). Entries are written by the statement that did
 * the work, as its last step ({@link #recorded}), so there is no erasure without its entry and no entry without it.
 */
@ApplicationScoped
public class AuditLog {

    private static final String LATEST = """
            SELECT id::text, action, actor, subject, details::text, occurred_at FROM audit_event
             WHERE action = $1 ORDER BY occurred_at DESC LIMIT 1""";

    private final Pool pool;

    public AuditLog(Pool pool) {
        this.pool = pool;
    }

    /**
     * The end of a statement whose CTEs did the work: the entry for it (the SQL expressions given), returned as the
     * statement's one row; {@code source} is a FROM clause whose empty result means nothing was done, nor recorded.
     */
    static String recorded(String action, String actor, String subject, String details, String occurredAt,
            String source) {
        return """
                audit AS (INSERT INTO audit_event (id, action, actor, subject, details, occurred_at)
                          SELECT gen_random_uuid(), '%s', %s, %s, %s, %s %s RETURNING *)
                SELECT id::text, action, actor, subject, details::text, occurred_at FROM audit"""
                .formatted(action, actor, subject, details, occurredAt, source);
    }

    static AuditEntry entry(Row row) {
        try {
            return new AuditEntry(row.getString("id"), row.getString("action"), row.getString("actor"),
                    row.getString("subject"),
                    Json.mapper().readValue(row.getString("details"), new TypeReference<Map<String, Object>>() {
                    }),
                    row.getOffsetDateTime("occurred_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit details", e);
        }
    }

    public Uni<Optional<AuditEntry>> latest(String action) {
        return pool.preparedQuery(LATEST).execute(Tuple.of(action))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(entry(rows.iterator().next())));
    }
}
