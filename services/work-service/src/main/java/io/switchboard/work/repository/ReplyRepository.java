package io.switchboard.work.repository;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.work.model.Reply;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import static io.switchboard.work.repository.ReplyRows.REPLY;
import static io.switchboard.work.repository.WorkItemRows.DECLINED_DETAILS;
import static io.switchboard.work.repository.WorkItemRows.REQUEUE;
import static io.switchboard.work.repository.WorkItemRows.at;
import static io.switchboard.work.repository.WorkItemRows.declined;

/**
 * Replies on the reactive client, each change one statement that also writes what it publishes into the outbox: a
 * new reply with its OutboundMessage and REPLY_REQUESTED, a delivery state with its REPLY_* event.
 */
@ApplicationScoped
public class ReplyRepository {

    private static final String BY_KEY = "SELECT %s FROM reply r WHERE r.work_item_id = $1 AND r.idempotency_key = $2"
            .formatted(REPLY);

    /**
     * Stored only while the agent holds the accepted item; a key already used on the item stores nothing (the
     * caller reads that reply with {@link #byKey}).
     */
    private static final String REQUEST = """
            WITH w AS (SELECT id FROM work_item WHERE id = $1 AND agent_id = $2 AND state = 'ACCEPTED'),
            r AS (INSERT INTO reply (id, work_item_id, kind, agent_id, text, attachments, template_name,
                                     template_language, private_reply, idempotency_key, state, requested_at, updated_at)
                  SELECT $3, w.id, 'REPLY', $2, $4, $5::text::jsonb, $6, $7, $8, $9, 'PENDING', $10, $10 FROM w
                  ON CONFLICT (work_item_id, idempotency_key) DO NOTHING
                  RETURNING *),
            """ + ReplyRows.outbound("outbound", "r") + ",\n" + ReplyRows.event("event", "r", "$10") + """

            SELECT %s FROM r""".formatted(REPLY);

    /**
     * Earlier states of the way forward; FAILED and UNCONFIRMED end it. UNCONFIRMED (an adapter that stopped while
     * sending, or lost its partition meanwhile) is taken only while nothing better is known: it can arrive after the
     * same reply's real outcome, and must not hide it.
     */
    private static final String FORWARD = """
            ((t.state IN ('PENDING', 'SENT', 'DELIVERED') AND $4::text IN ('SENT', 'DELIVERED', 'READ')
              AND array_position(ARRAY['PENDING', 'SENT', 'DELIVERED', 'READ'], t.state::text)
                  < array_position(ARRAY['PENDING', 'SENT', 'DELIVERED', 'READ'], $4::text))
             OR (t.state IN ('PENDING', 'SENT') AND $4::text = 'FAILED')
             OR (t.state = 'PENDING' AND $4::text = 'UNCONFIRMED'))""";

    /**
     * A ReplyStatus ($1 reply id or null, $2 provider, $3 provider message id, $4 state, $5 error, $6 at, $7 event
     * id): the reply (by id, else by the provider's message id) moves forward only, with its event; a redelivered or
     * overtaken status changes nothing. A CONNECT that FAILED because the agent did not answer the bridged call
     * ({@link ReplyStatus#AGENT_DID_NOT_ANSWER}) returns the item to its queue, declined by that agent like a release
     * ($8 until, $9 max re-offers); any other failed CONNECT (the caller gone, the provider not configured) leaves
     * it with the agent. A provider's status
     * for a message no reply has yet (it overtook the adapter's SENT) is kept for it.
     * <p>
     * The reply is found with an OR both of whose sides an index serves, not a CASE on $1: PostgreSQL can plan the
     * OR once for all parameters, while the CASE made it plan this statement anew for every status (0.8 ms each, ten
     * times its execution: docs/benchmarks.md).
     */
    private static final String APPLY = """
            WITH t AS (SELECT id, state FROM reply
                        WHERE id = $1::uuid OR ($1::uuid IS NULL AND provider_message_id = $3 AND provider = $2)
                        FOR UPDATE),
            r AS (UPDATE reply r SET state = $4::text, provider = coalesce($2, r.provider),
                         provider_message_id = coalesce($3, r.provider_message_id), error = coalesce($5, r.error),
                         updated_at = $6
                    FROM t WHERE r.id = t.id AND %s
                  RETURNING r.*),
            """.formatted(FORWARD) + ReplyRows.event("event", "r", "$6") + """
            ,
            unanswered AS (SELECT w.id, r.agent_id FROM r JOIN work_item w ON w.id = r.work_item_id
                            WHERE r.kind = 'CONNECT' AND r.state = 'FAILED' AND w.agent_id = r.agent_id
                              AND starts_with(r.error, '%s') AND w.state IN ('RESERVED', 'ACCEPTED')),
            w AS (UPDATE work_item w SET %s, %s FROM unanswered u WHERE w.id = u.id RETURNING w.*, u.agent_id AS holder),
            """.formatted(ReplyStatus.AGENT_DID_NOT_ANSWER, REQUEUE, declined("u.agent_id", "$6", "$8", "$9"))
            + WorkItemRows.event("requeued", "w", "'REQUEUED'", "c.holder", "$6",
                    "jsonb_build_object('reason', 'agent-did-not-answer') || " + DECLINED_DETAILS) + """
            ,
            kept AS (INSERT INTO early_reply_status (event_id, provider, provider_message_id, state, error, occurred_at)
                     SELECT $7, $2, $3, $4::text, $5, $6
                      WHERE $1::uuid IS NULL AND $2 IS NOT NULL AND $3 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM t)
                     ON CONFLICT (event_id) DO NOTHING RETURNING 1)
            SELECT (SELECT count(*) FROM t) AS found, (SELECT count(*) FROM kept) AS kept, r.id, r.provider,
                   r.provider_message_id
              FROM (SELECT 1) one LEFT JOIN r ON true""";

    private static final String TAKE_EARLY = """
            DELETE FROM early_reply_status WHERE provider_message_id = $1 AND provider = $2
            RETURNING event_id, state, error, occurred_at""";

    private static final String FORGET_EARLY = "DELETE FROM early_reply_status WHERE occurred_at < $1";

    private final Pool pool;

    public ReplyRepository(Pool pool) {
        this.pool = pool;
    }

    /** The reply stored under this idempotency key on the item, or null. */
    public Uni<Reply> byKey(UUID itemId, String idempotencyKey) {
        return pool.preparedQuery(BY_KEY).execute(Tuple.of(itemId, idempotencyKey)).map(ReplyRepository::reply);
    }

    /** The new reply, or null when the agent does not hold the accepted item or the key was used meanwhile. */
    public Uni<Reply> request(NewReply reply) {
        return pool.preparedQuery(REQUEST).execute(Tuple.tuple().addValue(reply.itemId()).addValue(reply.agentId())
                        .addValue(UUID.randomUUID()).addValue(reply.text()).addValue(reply.attachmentsJson())
                        .addValue(reply.templateName()).addValue(reply.templateLanguage())
                        .addValue(reply.privateReply()).addValue(reply.idempotencyKey())
                        .addValue(at(reply.requestedAt())))
                .map(ReplyRepository::reply);
    }

    /**
     * Applies a delivery status in one transaction; when it gave a reply its provider message id, the statuses of
     * that message that came before it are applied after it, in the order of the way forward.
     */
    public Uni<Applied> apply(ReplyStatus status, Instant declinedUntil, int maxReoffers) {
        return pool.withTransaction(connection -> apply(connection, status, declinedUntil, maxReoffers)
                .chain(applied -> applied.replyId() == null || applied.providerMessageId() == null
                        ? Uni.createFrom().item(applied)
                        : connection.preparedQuery(TAKE_EARLY)
                                .execute(Tuple.of(applied.providerMessageId(), applied.provider()))
                                .chain(early -> applyEarly(connection, applied, early, declinedUntil, maxReoffers))));
    }

    private Uni<Applied> apply(SqlConnection connection, ReplyStatus status, Instant declinedUntil, int maxReoffers) {
        return connection.preparedQuery(APPLY).execute(Tuple.tuple()
                        .addValue(status.replyId() == null ? null : UUID.fromString(status.replyId()))
                        .addValue(status.provider()).addValue(status.providerMessageId())
                        .addValue(status.state().name()).addValue(status.error()).addValue(at(status.occurredAt()))
                        .addValue(status.eventId()).addValue(at(declinedUntil)).addValue(maxReoffers))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    UUID replyId = row.getUUID("id");
                    Outcome outcome = replyId != null ? Outcome.APPLIED
                            : row.getLong("kept") > 0 ? Outcome.KEPT_FOR_SEND
                            : row.getLong("found") > 0 ? Outcome.UNCHANGED : Outcome.UNKNOWN;
                    return new Applied(outcome, replyId, row.getString("provider"),
                            row.getString("provider_message_id"));
                });
    }

    private Uni<Applied> applyEarly(SqlConnection connection, Applied applied, RowSet<Row> early,
            Instant declinedUntil, int maxReoffers) {
        List<ReplyStatus> statuses = new ArrayList<>();
        early.forEach(row -> statuses.add(new ReplyStatus(ReplyStatus.SCHEMA_VERSION, row.getString("event_id"),
                applied.replyId().toString(), null, applied.provider(), applied.providerMessageId(),
                DeliveryState.valueOf(row.getString("state")), row.getString("error"),
                WorkItemRows.instant(row, "occurred_at"))));
        statuses.sort(Comparator.comparing(ReplyStatus::state));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReplyStatus status : statuses) {
            chain = chain.chain(() -> apply(connection, status, declinedUntil, maxReoffers)).replaceWithVoid();
        }
        return chain.replaceWith(applied);
    }

    /** Forgets kept provider statuses from before {@code cutoff}: no SENT came for them; returns how many. */
    public Uni<Integer> forgetEarlyStatusesBefore(Instant cutoff) {
        return pool.preparedQuery(FORGET_EARLY).execute(Tuple.of(at(cutoff))).map(RowSet::rowCount);
    }

    private static Reply reply(RowSet<Row> rows) {
        Iterator<Row> iterator = rows.iterator();
        return iterator.hasNext() ? ReplyRows.reply(iterator.next()) : null;
    }

    /** What became of a delivery status. */
    public enum Outcome {
        /** The reply moved forward. */
        APPLIED,
        /** A redelivery, or a state the reply is past: nothing changed. */
        UNCHANGED,
        /** A provider's status for a message not recorded as sent yet: kept until its SENT. */
        KEPT_FOR_SEND,
        /** No reply has this id. */
        UNKNOWN
    }

    /** What became of a status, and the reply it moved (null unless APPLIED). */
    public record Applied(Outcome outcome, UUID replyId, String provider, String providerMessageId) {
    }

    /** A reply as the agent asked for it; {@code attachmentsJson} is its attachments as a JSON array. */
    public record NewReply(UUID itemId, String agentId, String text, String attachmentsJson, String templateName,
            String templateLanguage, boolean privateReply, String idempotencyKey, Instant requestedAt) {
    }
}
