package io.switchboard.work.repository;

import io.smallrye.mutiny.Uni;
import io.switchboard.work.privacy.CustomerErasure;
import io.switchboard.work.service.ClosedHours;
import io.switchboard.work.service.IntakePlan;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.repository.WorkItemRows.at;

/**
 * Satisfaction surveys on the reactive client: the scheduler's batch of surveys with their messages, and the
 * answers with what they open. Each is one statement that writes what it publishes into the outbox.
 */
@ApplicationScoped
public class SurveyRepository {

    /**
     * The next batch ($6) of items completed before $2, after the cursor, which moves past them whatever becomes of
     * them: the customer of each (the latest item per customer) is asked on a channel of $4 other than the phone
     * (asked when connected), unless the item began with a public post, an e-mail survey (webshop, store) has no
     * address, the customer was surveyed after $3, or has an open item — never during a conversation — or was erased
     * since (nobody left to ask). The survey is a SURVEY message on the item's thread (so its delivery statuses apply
     * as a reply's), handed to the adapter with its texts ($5) in one statement.
     */
    private static final String SEND_DUE = """
            WITH k AS (SELECT completed_at, work_item_id FROM survey_cursor FOR UPDATE),
            batch AS (SELECT w.* FROM work_item w, k
                       WHERE w.state = 'COMPLETED' AND w.completed_at <= $2
                         AND (w.completed_at, w.id) > (k.completed_at, k.work_item_id)
                       ORDER BY w.completed_at, w.id LIMIT $6),
            moved AS (UPDATE survey_cursor SET completed_at = l.completed_at, work_item_id = l.id
                        FROM (SELECT completed_at, id FROM batch ORDER BY completed_at DESC, id DESC LIMIT 1) l
                      RETURNING 1),
            due AS (SELECT DISTINCT ON (b.customer_key) b.*
                      FROM batch b JOIN contact_message m ON m.contact_id = b.contact_id
                     WHERE b.channel = ANY ($4) AND b.channel <> 'PHONE' AND NOT m.public_post
                       AND (b.channel NOT IN ('WEBSHOP', 'STORE') OR b.customer_email IS NOT NULL)
                       AND b.customer_key NOT LIKE '%6$s%%'
                       AND %1$s
                       AND NOT EXISTS (SELECT 1 FROM work_item o WHERE o.customer_key = b.customer_key
                                          AND o.state IN ('QUEUED', 'RESERVED', 'ACCEPTED'))
                     ORDER BY b.customer_key, b.completed_at DESC),
            %2$s,
            r AS (INSERT INTO reply (id, work_item_id, kind, agent_id, idempotency_key, text, state, requested_at,
                                     updated_at)
                  SELECT s.id, s.work_item_id, 'SURVEY', '%3$s', 'survey', t.texts ->> 'question', 'PENDING', $1, $1
                    FROM s, LATERAL (SELECT $5::text::jsonb -> s.language AS texts) t
                  RETURNING *),
            %4$s,
            %5$s
            SELECT (SELECT count(*) FROM batch) AS looked, (SELECT count(*) FROM s) AS surveyed"""
            .formatted(SurveyRows.notSurveyedSince("b", "$3"), SurveyRows.insert("s", "due", "$5::text::jsonb", "$1"),
                    ClosedHours.AUTHOR,
                    ReplyRows.outbound("outbound", "r", SurveyRows.question("s", "$5::text::jsonb", "s.id = r.id")),
                    SurveyRows.sent("sent", "s", "$1"), CustomerErasure.ERASED_KEY_PREFIX);

    /**
     * An answer ($2 score, $3 comment, at $4, carried by $5) to survey $1: the first score is kept, a comment
     * completes an answer that had none; a redelivery changes nothing. A score up to $6 with a comment is a complaint:
     * it opens one follow-up item in the back office's queue (priority $9, service level $8 seconds from $7), whose
     * contact id is derived from the survey's, with the comment as its message. SURVEY_ANSWERED carries the score when
     * this answer recorded it.
     */
    private static final String ANSWER = """
            WITH before AS (SELECT * FROM survey WHERE id = $1::uuid FOR UPDATE),
            s AS (UPDATE survey s
                     SET score = coalesce(b.score, $2::smallint), comment = coalesce(b.comment, $3::text),
                         answered_at = coalesce(b.answered_at, $4::timestamptz),
                         answer_ref = coalesce(b.answer_ref, $5::text),
                         complaint = b.complaint OR (coalesce(b.score, $2::smallint) <= $6::int
                                                     AND coalesce(b.comment, $3::text) IS NOT NULL),
                         follow_up_contact_id = CASE WHEN b.complaint OR (coalesce(b.score, $2::smallint) <= $6::int
                                                     AND coalesce(b.comment, $3::text) IS NOT NULL)
                                                     THEN 'survey:' || b.id END
                    FROM before b
                   WHERE s.id = b.id AND ((b.score IS NULL AND $2::smallint IS NOT NULL)
                                          OR (b.comment IS NULL AND $3::text IS NOT NULL))
                  RETURNING s.*, b.score IS NULL AND s.score IS NOT NULL AS scored,
                            s.complaint AND NOT b.complaint AS opened),
            item AS (INSERT INTO work_item (id, contact_id, channel, customer_key, customer_name, customer_phone,
                                            customer_email, customer_handle, language, rst, intent, office, priority,
                                            sla_seconds, explanation, state, queued_at, due_at)
                     SELECT gen_random_uuid(), s.follow_up_contact_id, s.channel, w.customer_key, w.customer_name,
                            w.customer_phone, w.customer_email, w.customer_handle, w.language, 'SPECIALIST',
                            'COMPLAINT', 'BACK_OFFICE', $9::int, $8::int,
                            ARRAY['follow-up of survey ' || s.id || ' on contact ' || s.contact_id || ': score '
                                  || s.score || ' of 10 with a complaint'],
                            'QUEUED', $7::timestamptz, $7::timestamptz + make_interval(secs => $8::int)
                       FROM s JOIN work_item w ON w.id = s.work_item_id WHERE s.opened
                     ON CONFLICT (contact_id) DO NOTHING
                     RETURNING *),
            message AS (INSERT INTO contact_message (contact_id, work_item_id, provider, text, received_at)
                        SELECT i.contact_id, i.id, 'survey', s.comment, s.answered_at FROM item i, s),
            %1$s,
            answered AS (INSERT INTO outbox_event (topic, message_key, payload)
                         SELECT 'contacts.lifecycle', s.contact_id, lifecycle_event(s.contact_id, s.channel, s.office,
                                s.intent, (SELECT queued_at FROM work_item WHERE id = s.work_item_id),
                                'SURVEY_ANSWERED', s.agent_id, $4::timestamptz, jsonb_strip_nulls(jsonb_build_object(
                                    'surveyId', s.id::text, 'score', CASE WHEN s.scored THEN s.score::text END,
                                    'complaint', CASE WHEN s.opened THEN 'true' END,
                                    'followUp', CASE WHEN s.opened THEN s.follow_up_contact_id END)))
                           FROM s)
            SELECT (SELECT count(*) FROM before) AS found, s.id, s.score, s.opened, s.follow_up_contact_id
              FROM (SELECT 1) one LEFT JOIN s ON true"""
            .formatted(WorkItemRows.event("queued", "item", "'QUEUED'", "NULL", "$7::timestamptz", "NULL"));

    /**
     * The latest WhatsApp survey of each customer ($1) sent since $2 that is unanswered, or was answered by one of
     * the contacts $3 (a redelivered answer).
     */
    private static final String OPEN_ON_WHATSAPP = """
            SELECT DISTINCT ON (customer_key) id, customer_key, answer_ref FROM survey
             WHERE customer_key = ANY ($1) AND channel = 'WHATSAPP' AND sent_at >= $2
               AND (answered_at IS NULL OR answer_ref = ANY ($3))
             ORDER BY customer_key, sent_at DESC""";

    private final Pool pool;

    public SurveyRepository(Pool pool) {
        this.pool = pool;
    }

    /** Sends the surveys of the next batch of completed items; {@link Due#looked} below the batch: all are done. */
    public Uni<Due> sendDue(Asking asking, Instant completedBefore, int batch) {
        return pool.preparedQuery(SEND_DUE).execute(Tuple.tuple().addValue(at(asking.now()))
                        .addValue(at(completedBefore)).addValue(at(asking.surveyedAfter()))
                        .addValue(asking.channels()).addValue(asking.texts()).addValue(batch))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Due(row.getLong("looked"), row.getLong("surveyed"));
                });
    }

    /** Records an answer on {@code client}: the pool, or the intake's transaction. */
    public Uni<Answered> answer(SqlClient client, Answer answer, FollowUp followUp, Instant now) {
        return client.preparedQuery(ANSWER).execute(Tuple.tuple().addValue(answer.surveyId())
                        .addValue(answer.score() == null ? null : answer.score().shortValue())
                        .addValue(answer.comment()).addValue(at(answer.answeredAt())).addValue(answer.ref())
                        .addValue(followUp.threshold()).addValue(at(now)).addValue((int) followUp.sla().toSeconds())
                        .addValue(followUp.priority()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong("found") == 0) {
                        return new Answered(Outcome.UNKNOWN, null, null);
                    }
                    return row.getUUID("id") == null ? new Answered(Outcome.UNCHANGED, null, null)
                            : new Answered(Outcome.RECORDED, row.getInteger("score"),
                                    Boolean.TRUE.equals(row.getBoolean("opened"))
                                            ? row.getString("follow_up_contact_id") : null);
                });
    }

    /** Per customer key, their open WhatsApp survey ({@link #OPEN_ON_WHATSAPP}). */
    public Uni<Map<String, IntakePlan.OpenSurvey>> openOnWhatsApp(SqlClient client, Collection<String> customerKeys,
            Instant sentAfter, Collection<String> contactIds) {
        return client.preparedQuery(OPEN_ON_WHATSAPP).execute(Tuple.of(customerKeys.toArray(String[]::new),
                        at(sentAfter), contactIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, IntakePlan.OpenSurvey> open = new HashMap<>();
                    rows.forEach(row -> open.put(row.getString("customer_key"),
                            new IntakePlan.OpenSurvey(row.getUUID("id"), row.getString("answer_ref"))));
                    return open;
                });
    }

    /**
     * Who is asked now: customers of {@code channels} (names) not surveyed after {@code surveyedAfter}, in
     * {@code texts} (JSON, per language).
     */
    public record Asking(Instant now, String[] channels, Instant surveyedAfter, String texts) {
    }

    /** How many completed items a run looked at, and how many customers it surveyed. */
    public record Due(long looked, long surveyed) {
    }

    /**
     * @param score   null for a comment alone
     * @param ref     what carried it: a SurveyResponse's event id, a WhatsApp answer's contact id
     */
    public record Answer(UUID surveyId, Integer score, String comment, Instant answeredAt, String ref) {
    }

    /** When an answer is a complaint (a score up to {@code threshold} with a comment), and its follow-up's place. */
    public record FollowUp(int threshold, Duration sla, int priority) {
    }

    public enum Outcome {
        /** The score or the comment was recorded. */
        RECORDED,
        /** The survey had both already (a redelivery). */
        UNCHANGED,
        /** No survey has this id. */
        UNKNOWN
    }

    /** @param followUp the contact id of the back office's follow-up this answer opened, if it did */
    public record Answered(Outcome outcome, Integer score, String followUp) {
    }

}
