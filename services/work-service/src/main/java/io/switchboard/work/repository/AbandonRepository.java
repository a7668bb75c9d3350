package io.switchboard.work.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Json;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

import static io.switchboard.work.repository.WorkItemRows.at;
import static io.switchboard.work.repository.WorkItemRows.event;

/**
 * Customers who left before an agent accepted. The item leaves its queue (or its reservation) for good and the step
 * is published; an accepted or finished item is left alone. An abandon whose contact is not stored yet is kept,
 * and the intake stores that contact as abandoned ({@link IntakeRepository}).
 */
@ApplicationScoped
public class AbandonRepository {

    private static final String LOCK_CONTACT = "SELECT pg_advisory_xact_lock(%d, hashtext($1))::text"
            .formatted(IntakeRepository.CONTACT_LOCK);

    private static final String ABANDON = """
            WITH target AS (SELECT work_item_id FROM contact_message WHERE contact_id = $1),
            w AS (UPDATE work_item w SET state = 'ABANDONED', agent_id = NULL, reserved_at = NULL,
                         reservation_expires_at = NULL FROM target
                   WHERE w.id = target.work_item_id AND w.state IN ('QUEUED', 'RESERVED') RETURNING w.*),
            kept AS (INSERT INTO abandoned_contact (contact_id, occurred_at, details)
                     SELECT $1, $2, $3::text::jsonb WHERE NOT EXISTS (SELECT 1 FROM target)
                     ON CONFLICT (contact_id) DO NOTHING RETURNING contact_id),
            """ + event("w", "'ABANDONED'", "NULL", "$2", "$3::text::jsonb") + """

            SELECT (SELECT count(*) FROM w) AS abandoned, (SELECT count(*) FROM kept) AS kept""";

    private final Pool pool;

    public AbandonRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Outcome> abandon(String contactId, Instant occurredAt, Map<String, String> details) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("abandon details not serialisable", e);
        }
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK_CONTACT).execute(Tuple.of(contactId))
                .chain(() -> connection.preparedQuery(ABANDON).execute(Tuple.of(contactId, at(occurredAt), json)))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return row.getLong("abandoned") > 0 ? Outcome.ABANDONED
                            : row.getLong("kept") > 0 ? Outcome.KEPT_FOR_ARRIVAL : Outcome.UNCHANGED;
                }));
    }

    public enum Outcome {
        /** The item left its queue. */
        ABANDONED,
        /** The contact is not stored yet; it will be stored as abandoned. */
        KEPT_FOR_ARRIVAL,
        /** Answered or finished already, or a redelivered abandon. */
        UNCHANGED
    }
}
