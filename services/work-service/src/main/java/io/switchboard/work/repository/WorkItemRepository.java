package io.switchboard.work.repository;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.service.Conversation;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.switchboard.work.repository.WorkItemRows.DECLINED_DETAILS;
import static io.switchboard.work.repository.WorkItemRows.ITEM;
import static io.switchboard.work.repository.WorkItemRows.MESSAGES;
import static io.switchboard.work.repository.WorkItemRows.REQUEUE;
import static io.switchboard.work.repository.WorkItemRows.at;
import static io.switchboard.work.repository.WorkItemRows.declined;
import static io.switchboard.work.repository.WorkItemRows.event;

/**
 * The agents' side of the queue, each step one SQL statement on the reactive client: it changes the item only if
 * the caller holds it in a state the step fits, writes the step's lifecycle event into the outbox in the same
 * statement, and returns the item with its conversation. An empty result means the step did not fit; the caller
 * then asks {@link #find} why (a rare path, so the common one stays a single round trip).
 */
@ApplicationScoped
public class WorkItemRepository {

    /**
     * The agent's presence is touched first and in its own statement: its row lock serialises one agent's pulls, and
     * the reservation that follows takes a fresh snapshot, so it counts what the agent already holds. A wrap-up
     * whose time is over ends here: the agent is AVAILABLE again.
     */
    private static final String TOUCH_AGENT = """
            UPDATE agent SET last_seen_at = $2,
                   status = CASE WHEN status = 'WRAP_UP' AND wrap_up_until <= $2 THEN 'AVAILABLE' ELSE status END
             WHERE id = $1 RETURNING office, status, wrap_up_until""";

    /** Queued item {@code i} fits the pulling agent {@code a}, who has a free slot on its channel. */
    private static final String FITS_PULLING_AGENT = """
            i.channel = ANY (ARRAY(SELECT c.key FROM a, jsonb_each_text(a.capacity) c
                                    WHERE CAST(c.value AS integer) > (SELECT count(*) FROM work_item h
                                           WHERE h.agent_id = a.id AND h.channel = c.key
                                             AND h.state IN ('RESERVED', 'ACCEPTED'))))
            AND """ + Eligibility.fits("(SELECT skills FROM a)", "(SELECT languages FROM a)",
            "(SELECT regions FROM a)");

    /** Queued item {@code i} fits agent {@code o}, who serves its channel. */
    private static final String FITS_OTHER_AGENT = "(o.capacity ->> i.channel)::int > 0 AND "
            + Eligibility.fits("o.skills", "o.languages", "o.regions");

    /**
     * Reserves the best queued item the agent may take: among the items of the agent's office whose required
     * skills the agent has (those of the item's targeting step, or of the next step once it started), in a
     * language the agent speaks, on a channel where the agent has free capacity and, for items with a postal code,
     * in the agent's regions (if any), the highest priority and then the one due first (nearest to breaching its
     * service level). The agent's profile and free channels are init plans, so PostgreSQL walks the office's queue
     * index in order and stops at the first fit. SKIP LOCKED lets concurrent pulls (on any instance) pass over
     * each other's candidates. The step that matched is recorded on the item; an item taken under its next step
     * (which the sweep leaves to the pull while it stays in the office) is in that step from now on.
     * <p>
     * Items flagged for supervisors are not offered, nor items this agent declined (released or let time out)
     * until their {@code declined_until}; only when nothing else fits does a second look (evaluated only then:
     * COALESCE stops at the first item) offer such an item back, if no other eligible agent is AVAILABLE.
     */
    private static final String RESERVE = reserve("state = 'RESERVED', reservation_expires_at = $3",
            event("w", "'ASSIGNED'", "$1", "$2", "NULL"));

    /** How long the accepted item waited, from its first queueing: in the ACCEPTED event of every accept. */
    private static final String ACCEPTED_DETAILS = """
            jsonb_build_object('waitMillis', floor(extract(epoch FROM c.accepted_at - c.queued_at) * 1000)::bigint::text)""";

    /** Channels whose customer is connected to the agent who accepts: a caller, a store visitor. */
    private static final Set<Channel> CONNECTED = EnumSet.of(Channel.PHONE, Channel.STORE);
    private static final String CONNECTED_CHANNELS = CONNECTED.stream().map(channel -> "'" + channel + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    /**
     * The reservation of an agent who accepts what it is given: an item of a channel that connects nobody is
     * reserved and accepted in this one update, with both events in order (ASSIGNED, then ACCEPTED); a call or a
     * store visit is only reserved here, since accepting it connects the customer ({@link #ACCEPT_CONNECTING}).
     */
    private static final String RESERVE_ACCEPTING = reserve("""
            state = CASE WHEN w.channel IN %1$s THEN 'RESERVED' ELSE 'ACCEPTED' END,
                       reservation_expires_at = CASE WHEN w.channel IN %1$s THEN $3::timestamptz END,
                       accepted_at = CASE WHEN w.channel NOT IN %1$s THEN $2::timestamptz END"""
            .formatted(CONNECTED_CHANNELS), """
            steps AS (SELECT c.*, s.event_type, s.event_details
                        FROM w c, LATERAL (VALUES (1, 'ASSIGNED', NULL), (2, 'ACCEPTED', %s))
                                          AS s (n, event_type, event_details)
                       WHERE s.n = 1 OR c.state = 'ACCEPTED' ORDER BY s.n),
            """.formatted(ACCEPTED_DETAILS) + event("steps", "c.event_type", "$1", "$2", "c.event_details"));

    /**
     * Accepting an item of a channel that connects nobody: the plain step, kept apart from
     * {@link #ACCEPT_CONNECTING} because PostgreSQL sets up every CTE of a statement on each execution, also those
     * that write nothing (a CONNECT and a caller's survey for a message).
     */
    private static final String ACCEPT = step("state = 'ACCEPTED', accepted_at = $3, reservation_expires_at = NULL",
            "state = 'RESERVED' AND channel NOT IN " + CONNECTED_CHANNELS, "'ACCEPTED'", ACCEPTED_DETAILS);

    /**
     * Accepting a call or a store visit also connects the customer: a CONNECT to the agent's phone address (PHONE)
     * or desk (STORE; without one the store's queue system calls the ticket as its default clerk) is stored and
     * handed to the channel's adapter in the same statement. A call without a phone address in the agent's profile
     * cannot be connected: its CONNECT is stored as FAILED with the reason (the thread and the REPLY_FAILED event
     * say so) and nothing is sent; the agent keeps the item. A caller who is due a survey (phone among the surveyed
     * channels $4, not surveyed after $5) is asked when the agent hangs up: the survey is stored now and the CONNECT
     * carries its question in the caller's language ($6); a call connected again (the first agent did not answer)
     * asks the same survey.
     */
    private static final String ACCEPT_CONNECTING = """
            WITH w AS (UPDATE work_item SET state = 'ACCEPTED', accepted_at = $3, reservation_expires_at = NULL
                        WHERE id = $1 AND agent_id = $2 AND state = 'RESERVED' AND channel IN %s RETURNING *),
            connect AS (INSERT INTO reply (id, work_item_id, kind, agent_id, idempotency_key, agent_address, state,
                                           error, requested_at, updated_at)
                        SELECT x.id, w.id, 'CONNECT', $2, 'connect:' || x.id, x.address,
                               CASE WHEN x.unreachable THEN 'FAILED' ELSE 'PENDING' END,
                               CASE WHEN x.unreachable THEN 'not connected: agent ' || $2
                                    || ' has no phoneAddress in the profile' END, $3, $3
                          FROM w, LATERAL (SELECT gen_random_uuid() AS id,
                                                  CASE w.channel WHEN 'PHONE' THEN a.phone_address ELSE a.desk END
                                                      AS address,
                                                  w.channel = 'PHONE' AND a.phone_address IS NULL AS unreachable
                                             FROM agent a WHERE a.id = $2) x
                        RETURNING *),
            known AS (UPDATE survey s SET agent_id = $2 FROM w
                       WHERE s.work_item_id = w.id AND s.answered_at IS NULL RETURNING s.*),
            callers AS (SELECT w.* FROM w
                         WHERE w.channel = 'PHONE' AND 'PHONE' = ANY ($4) AND NOT EXISTS (SELECT 1 FROM known)
                           AND EXISTS (SELECT 1 FROM connect WHERE state = 'PENDING')
                           AND %s),
            """.formatted(CONNECTED_CHANNELS, SurveyRows.notSurveyedSince("w", "$5"))
            + SurveyRows.insert("asked", "callers", "$6::text::jsonb", "$3") + """
            ,
            caller_survey AS (SELECT * FROM known UNION ALL SELECT * FROM asked),
            """ + ReplyRows.outbound("connect_outbound", "connect",
                    SurveyRows.question("caller_survey", "$6::text::jsonb", "s.work_item_id = r.work_item_id"))
            + ",\n"
            + ReplyRows.event("connect_event", "connect", "$3") + ",\n"
            + SurveyRows.sent("survey_sent", "asked", "$3") + ",\n"
            + event("w", "'ACCEPTED'", "$2", "$3", ACCEPTED_DETAILS)
            + """

            SELECT %s, %s FROM w""".formatted(ITEM,
            WorkItemRows.messages("(SELECT * FROM reply UNION ALL SELECT * FROM connect)"));

    /**
     * An AVAILABLE agent goes into WRAP_UP for its own wrap-up time, or {@code $7} seconds (the configured one), in
     * the same statement.
     */
    private static final String COMPLETE = step("""
            state = 'COMPLETED', completed_at = $3, resolution = $4, first_contact_resolution = $5, notes = $6""",
            "state = 'ACCEPTED'", "'COMPLETED'", """
            jsonb_build_object('resolution', c.resolution, 'firstContactResolution', c.first_contact_resolution::text,
                    'handlingMillis', floor(extract(epoch FROM c.completed_at - c.accepted_at) * 1000)::bigint::text)""",
            """
            wrap_up AS (UPDATE agent SET status = 'WRAP_UP', status_reason = NULL,
                               wrap_up_until = $3 + make_interval(secs => coalesce(wrap_up_seconds, $7))
                         WHERE id = $2 AND status = 'AVAILABLE' AND coalesce(wrap_up_seconds, $7) > 0
                           AND EXISTS (SELECT 1 FROM w)),
            """);

    /** Declined by the agent ($2) at $3: not offered to that agent again before $4, flagged past $5 re-offers. */
    private static final String RELEASE = step(REQUEUE + ", " + declined("$2", "$3", "$4", "$5"),
            "state IN ('RESERVED', 'ACCEPTED')", "'RELEASED'", DECLINED_DETAILS);

    /** The class an escalation to office $4 shows the contact needed: the back office's or the technicians'. */
    private static final String ESCALATED_RST = """
            CASE $4 WHEN 'BACK_OFFICE' THEN 'SPECIALIST' WHEN 'TECHNICIANS' THEN 'TECHNICAL' ELSE rst END""";

    /**
     * The escalation joins the list that travels with the item; SET reads the old office. The agent chose the
     * office: the item's targeting ends there, open to any agent of that office.
     */
    private static final String ESCALATE = step(REQUEUE + """
            , office = $4, required_skills = '{}', next_step_at = NULL, next_skills = NULL, sweep_at = NULL,
            escalations = escalations || jsonb_build_array(jsonb_build_object('fromOffice', office,
                    'toOffice', $4::text, 'reason', $5::text, 'agentId', $2::text, 'at', iso_instant($3))), """
            + WorkItemRows.corrected(ESCALATED_RST, "coalesce($6::text, intent)", "'ESCALATION'", "$2::text",
                    "$3", "$5::text"),
            "state IN ('RESERVED', 'ACCEPTED') AND office <> $4", "'ESCALATED'", """
            jsonb_build_object('fromOffice', c.escalations -> -1 ->> 'fromOffice', 'toOffice', c.office,
                    'reason', c.escalations -> -1 ->> 'reason')""",
            WorkItemRows.correction("w", "'ESCALATION'", "$2::text", "$3", "$5::text") + ",\n");

    /**
     * An agent's correction of the class of an item they hold ($4 RST, $5 intent, $6 reason): a retry with the
     * same class changes nothing and sends nothing.
     */
    private static final String CORRECT = """
            WITH w AS (UPDATE work_item SET %s
                        WHERE id = $1 AND agent_id = $2 AND state IN ('RESERVED', 'ACCEPTED')
                          AND (rst, intent) IS DISTINCT FROM ($4::text, $5::text) RETURNING *),
            %s
            SELECT %s, %s FROM w""".formatted(WorkItemRows.corrected("$4::text", "$5::text", "'AGENT'", "$2::text", "$3",
                    "$6::text"), WorkItemRows.correction("w", "'AGENT'", "$2::text", "$3", "$6::text"), ITEM, MESSAGES);

    private static final String PROPOSE_VISIT = """
            WITH w AS (UPDATE work_item SET visit_from = $3, visit_to = $4
                        WHERE id = $1 AND agent_id = $2 AND state IN ('RESERVED', 'ACCEPTED') AND office = 'TECHNICIANS'
                       RETURNING *)
            SELECT %s, %s FROM w""".formatted(ITEM, MESSAGES);

    private static final String FIND = "SELECT %s, %s FROM work_item w WHERE w.id = $1".formatted(ITEM, MESSAGES);

    /**
     * Expired reservations, declined by their holder like a release ($2 and $3 as there); each counts as a
     * reservation timeout of the agent.
     */
    private static final String RETURN_EXPIRED = """
            WITH held AS (SELECT id, agent_id FROM work_item
                           WHERE state = 'RESERVED' AND reservation_expires_at < $1 FOR UPDATE SKIP LOCKED),
            w AS (UPDATE work_item w SET %s, %s FROM held WHERE w.id = held.id RETURNING w.*, held.agent_id AS holder),
            timeouts AS (UPDATE agent a SET reservation_timeouts = a.reservation_timeouts + t.n
                           FROM (SELECT holder, count(*) AS n FROM w GROUP BY holder) t WHERE a.id = t.holder),
            """.formatted(REQUEUE, declined("held.agent_id", "$1", "$2", "$3")) + event("w", "'REQUEUED'", "c.holder",
            "$1", "jsonb_build_object('reason', 'reservation-timeout') || " + DECLINED_DETAILS)
            + " SELECT count(*) FROM w";

    private static final String RETURN_SILENT = """
            WITH silent AS (UPDATE agent SET status = 'OFFLINE'
                             WHERE status <> 'OFFLINE' AND (last_seen_at IS NULL OR last_seen_at < $2) RETURNING id),
            held AS (SELECT w.id, w.agent_id FROM work_item w JOIN silent s ON s.id = w.agent_id
                      WHERE w.state IN ('RESERVED', 'ACCEPTED') FOR UPDATE OF w),
            w AS (UPDATE work_item w SET %s FROM held WHERE w.id = held.id RETURNING w.*, held.agent_id AS holder),
            """.formatted(REQUEUE) + event("w", "'REQUEUED'", "c.holder", "$1", "jsonb_build_object('reason', 'agent-silent')")
            + " SELECT (SELECT count(*) FROM silent) AS agents, (SELECT count(*) FROM w) AS items";

    /**
     * Moves queued items whose {@code sweep_at} came into the step they are in now (the last one whose
     * {@code afterSeconds} have passed since {@code queued_at}): its office and skills, and the start and skills of
     * the step after it. A step after it in the same office is left to the pull (through {@code next_step_at} and
     * {@code next_skills}): the item is next swept at the start of the step after that one; a step that changes
     * office is swept at its start. Setting {@code office} fires the requeue trigger, so waiting agents look again;
     * an item that changes office is announced as REQUEUED with reason {@code targeting-widened}.
     */
    private static final String ADVANCE_TARGETING = """
            WITH due AS (SELECT id, office AS from_office FROM work_item
                          WHERE state = 'QUEUED' AND sweep_at <= $1
                          ORDER BY sweep_at LIMIT 500 FOR UPDATE SKIP LOCKED),
            now_in AS (SELECT d.id, d.from_office, s.n AS step, s.step AS current,
                              i.targeting -> (s.n + 1) AS next, i.targeting -> (s.n + 2) AS after_next
                         FROM due d JOIN work_item i ON i.id = d.id,
                              LATERAL (SELECT (t.n - 1)::int AS n, t.step
                                         FROM jsonb_array_elements(i.targeting) WITH ORDINALITY AS t (step, n)
                                        WHERE i.queued_at + make_interval(secs => (t.step ->> 'afterSeconds')::int) <= $1
                                        ORDER BY t.n DESC LIMIT 1) s),
            w AS (UPDATE work_item w
                     SET step = x.step, office = x.current ->> 'office',
                         required_skills = ARRAY(SELECT jsonb_array_elements_text(x.current -> 'requiredSkills')),
                         next_step_at = w.queued_at + make_interval(secs => (x.next ->> 'afterSeconds')::int),
                         next_skills = CASE WHEN x.next ->> 'office' = x.current ->> 'office'
                                            THEN ARRAY(SELECT jsonb_array_elements_text(x.next -> 'requiredSkills')) END,
                         sweep_at = w.queued_at + make_interval(secs => (CASE WHEN x.next ->> 'office' = x.current ->> 'office'
                                            THEN x.after_next ELSE x.next END ->> 'afterSeconds')::int)
                    FROM now_in x WHERE w.id = x.id
                  RETURNING w.*, x.from_office),
            moved AS (SELECT * FROM w WHERE office <> from_office),
            """ + event("moved", "'REQUEUED'", "NULL", "$1", """
            jsonb_build_object('reason', 'targeting-widened', 'fromOffice', c.from_office, 'toOffice', c.office,
                    'step', c.step::text)""") + " SELECT count(*) FROM w";

    private static final String OF_CONTACT = """
            SELECT %s FROM contact_message m JOIN work_item w ON w.id = m.work_item_id WHERE m.contact_id = $1"""
            .formatted(ITEM);

    /** Per office and channel: waiting, oldest queued-at, in progress (reserved or accepted), flagged. */
    private static final String QUEUE_FIGURES = """
            SELECT office, channel, count(*) FILTER (WHERE state = 'QUEUED') AS waiting,
                   min(queued_at) FILTER (WHERE state = 'QUEUED') AS oldest_queued_at,
                   count(*) FILTER (WHERE state <> 'QUEUED') AS in_progress,
                   count(*) FILTER (WHERE state = 'QUEUED' AND flagged_at IS NOT NULL) AS flagged
              FROM work_item WHERE state IN ('QUEUED', 'RESERVED', 'ACCEPTED')
             GROUP BY office, channel ORDER BY office, channel""";

    /** Queued items of the same office and channel that an agent would pull first (the pull's order). */
    private static final String AHEAD_OF = """
            SELECT count(*) FROM work_item
             WHERE state = 'QUEUED' AND office = $1 AND channel = $2
               AND (priority > $3 OR (priority = $3 AND (due_at < $4 OR (due_at = $4 AND id < $5))))""";

    private static final String COMPLETED_SINCE = """
            SELECT count(*) FROM work_item WHERE state = 'COMPLETED' AND office = $1 AND channel = $2 AND completed_at >= $3""";

    /** Items keep their holder once completed; a requeued item forgets it (the escalating agent hands it on). */
    private static final String HANDLED_BY = """
            SELECT EXISTS (SELECT 1 FROM work_item WHERE customer_key = $1 AND agent_id = $2)""";

    private static final String OF_CUSTOMERS = """
            SELECT %s FROM work_item w
             WHERE w.customer_key = ANY ($1) OR w.customer_phone = ANY ($2) OR w.customer_email = ANY ($3)
             ORDER BY w.queued_at DESC""".formatted(ITEM);

    private final Pool pool;

    public WorkItemRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The agent's pull: touches the agent's presence and reserves the best item it may take, in one transaction
     * sent in one round trip: BEGIN, both statements and COMMIT go out together (the client pipelines them on the
     * connection), since the reservation asks for an AVAILABLE agent itself instead of waiting for the touch's
     * answer. When a statement fails, PostgreSQL has aborted the transaction and COMMIT ends it as a rollback; the
     * pull fails with the first error.
     * <p>
     * With {@code accepting} (an agent who takes what it is given) the reserved item is also accepted in the same
     * transaction: a message in the reservation's own update ({@link #RESERVE_ACCEPTING}), a call or store visit by
     * the connecting accept; the COMMIT (with that accept) then follows the reservation's answer. One request, one
     * commit and, for a message, one update of the item for what a pull and an accept take two of each.
     */
    public Uni<Reservation> reserveFor(String agentId, Instant now, Instant expires,
            SurveyRepository.Asking accepting) {
        return pool.withConnection(connection -> begun(connection,
                        nextReservation(connection, agentId, now, expires, accepting))
                .onFailure().call(() -> rollback(connection)));
    }

    /**
     * Completes the item as {@link #complete} does and, in the same transaction, reserves the agent's next item as
     * {@link #reserveFor} does (and accepts it, with {@code accepting}): one commit (one WAL flush waited for)
     * instead of two, in two round trips (BEGIN with the completion, then the touch and reservation with COMMIT;
     * three when the next item is accepted too: its COMMIT waits for the reservation's answer). Nothing is
     * reserved when the completion changed nothing ({@link Handover#completed()} null), and an agent the completion
     * put into WRAP_UP gets no item.
     */
    public Uni<Handover> completeAndReserve(UUID id, String agentId, Instant now, String resolution,
            boolean firstContactResolution, String notes, Duration wrapUp, Instant expires,
            SurveyRepository.Asking accepting) {
        return pool.withConnection(connection -> begun(connection, connection.preparedQuery(COMPLETE).execute(
                        completion(id, agentId, now, resolution, firstContactResolution, notes, wrapUp)))
                .map(WorkItemRepository::conversation)
                .chain(completed -> completed == null
                        ? committed(connection, Uni.createFrom().item(new Handover(null, null)))
                        : nextReservation(connection, agentId, now, expires, accepting)
                                .map(next -> new Handover(completed, next)))
                .onFailure().call(() -> rollback(connection)));
    }

    /**
     * The touch and reservation with COMMIT; for an agent who accepts, the reservation accepts an item of a message
     * channel in the same update, and a call or store visit is accepted (connected) before the COMMIT. A failure
     * leaves the transaction to the caller's {@link #rollback}.
     */
    private static Uni<Reservation> nextReservation(SqlConnection connection, String agentId, Instant now,
            Instant expires, SurveyRepository.Asking accepting) {
        if (accepting == null) {
            return committed(connection, touchAndReserve(connection, RESERVE, agentId, now, expires));
        }
        return touchAndReserve(connection, RESERVE_ACCEPTING, agentId, now, expires)
                .chain(next -> committed(connection, connectReserved(connection, next, agentId, accepting)));
    }

    /**
     * Ends a failed transaction; the request still fails with the first error (a connection that is gone has no
     * transaction left to end, and ROLLBACK only warns when COMMIT already ended it).
     */
    private static Uni<Void> rollback(SqlConnection connection) {
        return connection.query("ROLLBACK").execute().replaceWithVoid().onFailure().recoverWithNull();
    }

    /** BEGIN pipelined with the transaction's first statement(s); fails with their first error. */
    private static <T> Uni<T> begun(SqlConnection connection, Uni<T> first) {
        return pipelined(connection.query("BEGIN").execute(), first).map(begun -> begun.getItem2());
    }

    /**
     * The transaction's last statement(s) pipelined with COMMIT: when one failed, PostgreSQL ends the transaction
     * with a rollback and the result fails with the first error.
     */
    private static <T> Uni<T> committed(SqlConnection connection, Uni<T> last) {
        return pipelined(last, connection.query("COMMIT").execute()).map(done -> done.getItem1());
    }

    /** Both sent at once, one after the other on the connection. */
    private static <A, B> Uni<Tuple2<A, B>> pipelined(Uni<A> first, Uni<B> second) {
        return Uni.combine().all().unis(first, second).collectFailures().asTuple()
                .onFailure(CompositeException.class).transform(Throwable::getCause);
    }

    /** The touch and the reservation ({@code reserve}), pipelined on a connection inside a transaction. */
    private static Uni<Reservation> touchAndReserve(SqlConnection connection, String reserve, String agentId,
            Instant now, Instant expires) {
        return pipelined(connection.preparedQuery(TOUCH_AGENT).execute(Tuple.of(agentId, at(now))),
                connection.preparedQuery(reserve).execute(Tuple.of(agentId, at(now), at(expires))))
                .map(sent -> reservation(first(sent.getItem1()), sent.getItem2()));
    }

    /**
     * A call or store visit just reserved to an agent who accepts, accepted (its customer connected) in the
     * reservation's transaction; any other reservation as it is. This transaction holds the reservation, so the
     * accept fits; were it ever not to, the agent keeps the item reserved, as a pull without accept leaves it.
     */
    private static Uni<Reservation> connectReserved(SqlConnection connection, Reservation reserved, String agentId,
            SurveyRepository.Asking asking) {
        Conversation conversation = reserved.conversation();
        if (conversation == null || conversation.item().state() != WorkState.RESERVED) {
            return Uni.createFrom().item(reserved);
        }
        return connection.preparedQuery(ACCEPT_CONNECTING)
                .execute(connecting(conversation.item().id(), agentId, asking))
                .map(WorkItemRepository::conversation).map(connected -> connected == null ? reserved
                        : new Reservation(reserved.office(), reserved.status(), null, connected));
    }

    private static Reservation reservation(Row agent, RowSet<Row> reserved) {
        if (agent == null) {
            return new Reservation(null, null, null, null);
        }
        Office office = Office.valueOf(agent.getString("office"));
        AgentStatus status = AgentStatus.valueOf(agent.getString("status"));
        if (status != AgentStatus.AVAILABLE) {
            return new Reservation(office, status, WorkItemRows.instant(agent, "wrap_up_until"), null);
        }
        return new Reservation(office, status, null, conversation(reserved));
    }

    /**
     * Accepts at {@code asking.now()}; a call asks the survey {@code asking} describes, when the caller is due one.
     * The plain accept goes first: when it changed nothing, the item is a call or a store visit, or the step does
     * not fit, and the connecting accept decides (an empty result from both: {@link #find} says why).
     */
    public Uni<Conversation> accept(UUID id, String agentId, SurveyRepository.Asking asking) {
        return single(ACCEPT, Tuple.of(id, agentId, at(asking.now()))).chain(accepted -> accepted != null
                ? Uni.createFrom().item(accepted)
                : single(ACCEPT_CONNECTING, connecting(id, agentId, asking)));
    }

    private static Tuple connecting(UUID id, String agentId, SurveyRepository.Asking asking) {
        return Tuple.tuple().addValue(id).addValue(agentId).addValue(at(asking.now())).addValue(asking.channels())
                .addValue(at(asking.surveyedAfter())).addValue(asking.texts());
    }

    public Uni<Conversation> complete(UUID id, String agentId, Instant now, String resolution,
            boolean firstContactResolution, String notes, Duration wrapUp) {
        return single(COMPLETE, completion(id, agentId, now, resolution, firstContactResolution, notes, wrapUp));
    }

    private static Tuple completion(UUID id, String agentId, Instant now, String resolution,
            boolean firstContactResolution, String notes, Duration wrapUp) {
        return Tuple.of(id, agentId, at(now), resolution, firstContactResolution, notes)
                .addInteger((int) wrapUp.toSeconds());
    }

    public Uni<Conversation> release(UUID id, String agentId, Instant now, Instant declinedUntil, int maxReoffers) {
        return single(RELEASE, Tuple.of(id, agentId, at(now), at(declinedUntil), maxReoffers));
    }

    /** {@code intent}, when not null, is the intent the escalating agent says the contact has. */
    public Uni<Conversation> escalate(UUID id, String agentId, Instant now, Office toOffice, String reason,
            Intent intent) {
        return single(ESCALATE, Tuple.of(id, agentId, at(now), toOffice.name(), reason)
                .addString(intent == null ? null : intent.name()));
    }

    /** The holder's correction of the item's class; null when nothing changed (see {@link #find} for why). */
    public Uni<Conversation> correct(UUID id, String agentId, Instant now, Rst rst, Intent intent, String reason) {
        return single(CORRECT, Tuple.of(id, agentId, at(now), rst.name(), intent.name(), reason));
    }

    public Uni<Conversation> proposeVisit(UUID id, String agentId, Instant from, Instant to) {
        return single(PROPOSE_VISIT, Tuple.of(id, agentId, at(from), at(to)));
    }

    public Uni<Conversation> find(UUID id) {
        return single(FIND, Tuple.of(id));
    }

    /** Reservations not accepted in time go back to their queue, declined by their holder; returns how many. */
    public Uni<Long> returnExpiredReservations(Instant now, Instant declinedUntil, int maxReoffers) {
        return pool.preparedQuery(RETURN_EXPIRED).execute(Tuple.of(at(now), at(declinedUntil), maxReoffers))
                .map(rows -> first(rows).getLong(0));
    }

    /** Agents with no call since {@code cutoff} go OFFLINE and their items back to the queue. */
    public Uni<Returned> returnFromSilentAgents(Instant now, Instant cutoff) {
        return pool.preparedQuery(RETURN_SILENT).execute(Tuple.of(at(now), at(cutoff)))
                .map(rows -> new Returned(first(rows).getLong("agents"), first(rows).getLong("items")));
    }

    /** Queued items whose next targeting step started move into it; returns how many. */
    public Uni<Long> advanceTargeting(Instant now) {
        return pool.preparedQuery(ADVANCE_TARGETING).execute(Tuple.of(at(now))).map(rows -> first(rows).getLong(0));
    }

    /** The item a contact opened or joined, or null for an unknown contact. */
    public Uni<WorkItem> ofContact(String contactId) {
        return pool.preparedQuery(OF_CONTACT).execute(Tuple.of(contactId))
                .map(rows -> rows.iterator().hasNext() ? WorkItemRows.item(rows.iterator().next()) : null);
    }

    public Uni<List<QueueFigures>> queueFigures() {
        return pool.query(QUEUE_FIGURES).execute().map(rows -> {
            List<QueueFigures> figures = new ArrayList<>();
            rows.forEach(row -> figures.add(new QueueFigures(Office.valueOf(row.getString("office")),
                    Channel.valueOf(row.getString("channel")), row.getLong("waiting"),
                    WorkItemRows.instant(row, "oldest_queued_at"), row.getLong("in_progress"),
                    row.getLong("flagged"))));
            return figures;
        });
    }

    public Uni<Long> aheadOf(WorkItem item) {
        return count(AHEAD_OF, Tuple.of(item.office().name(), item.channel().name(), item.priority(),
                at(item.dueAt()), item.id()));
    }

    public Uni<Long> completedSince(WorkItem item, Instant since) {
        return count(COMPLETED_SINCE, Tuple.of(item.office().name(), item.channel().name(), at(since)));
    }

    /** Whether the agent holds or completed an item of this customer key. */
    public Uni<Boolean> handledBy(String customerKey, String agentId) {
        return pool.preparedQuery(HANDLED_BY).execute(Tuple.of(customerKey, agentId))
                .map(rows -> first(rows).getBoolean(0));
    }

    /** Every item of these customer keys, or of customers with these phone numbers or e-mail addresses; newest first. */
    public Uni<List<WorkItem>> ofCustomers(Collection<String> keys, Collection<String> phones,
            Collection<String> emails) {
        return pool.preparedQuery(OF_CUSTOMERS).execute(Tuple.of(keys.toArray(String[]::new),
                phones.toArray(String[]::new), emails.toArray(String[]::new))).map(rows -> {
                    List<WorkItem> items = new ArrayList<>();
                    rows.forEach(row -> items.add(WorkItemRows.item(row)));
                    return items;
                });
    }

    private Uni<Long> count(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(rows -> first(rows).getLong(0));
    }

    private Uni<Conversation> single(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(WorkItemRepository::conversation);
    }

    /**
     * The reservation of {@link #RESERVE} for agent {@code $1} at {@code $2} ({@code $3}: when an unaccepted
     * reservation expires): {@code state} sets the item's state, {@code events} writes the step's events (CTEs
     * reading {@code w}).
     */
    private static String reserve(String state, String events) {
        return """
                WITH a AS MATERIALIZED (SELECT * FROM agent WHERE id = $1 AND status = 'AVAILABLE'),
                w AS (
                    UPDATE work_item w
                       SET %4$s, agent_id = $1, reserved_at = $2,
                           matched_step = CASE WHEN %3$s THEN w.step ELSE w.step + 1 END,
                           step = CASE WHEN %3$s THEN w.step ELSE w.step + 1 END,
                           required_skills = CASE WHEN %3$s THEN w.required_skills ELSE w.next_skills END
                     WHERE w.id = coalesce(
                           (SELECT i.id
                              FROM work_item i
                             WHERE i.state = 'QUEUED' AND i.office = (SELECT office FROM a) AND i.flagged_at IS NULL
                               AND (i.declined_by IS DISTINCT FROM $1 OR i.declined_until <= $2)
                               AND %1$s
                             ORDER BY i.priority DESC, i.due_at, i.id
                             LIMIT 1
                               FOR UPDATE OF i SKIP LOCKED),
                           (SELECT i.id
                              FROM work_item i
                             WHERE i.state = 'QUEUED' AND i.declined_by = $1 AND i.declined_until > $2
                               AND i.office = (SELECT office FROM a) AND i.flagged_at IS NULL
                               AND %1$s
                               AND NOT EXISTS (SELECT 1 FROM agent o
                                                WHERE o.id <> $1 AND o.status = 'AVAILABLE' AND o.office = i.office
                                                  AND %2$s)
                             ORDER BY i.priority DESC, i.due_at, i.id
                             LIMIT 1
                               FOR UPDATE OF i SKIP LOCKED))
                    RETURNING w.*),
                %5$s
                SELECT %6$s, %7$s FROM w""".formatted(FITS_PULLING_AGENT, FITS_OTHER_AGENT,
                "w.required_skills <@ (SELECT skills FROM a)", state, events, ITEM, MESSAGES);
    }

    /**
     * One step of the holder on item {@code $1} by agent {@code $2} at {@code $3}: the item changes only if the
     * agent holds it and {@code condition} holds, and the step's event is written with it.
     */
    private static String step(String set, String condition, String type, String details) {
        return step(set, condition, type, details, "");
    }

    /** A step that also changes something else, in the CTE(s) {@code also} (each followed by a comma). */
    private static String step(String set, String condition, String type, String details, String also) {
        return """
                WITH w AS (UPDATE work_item SET %s WHERE id = $1 AND agent_id = $2 AND %s RETURNING *),
                %s%s
                SELECT %s, %s FROM w""".formatted(set, condition, also, event("w", type, "$2", "$3", details), ITEM,
                MESSAGES);
    }

    private static Conversation conversation(RowSet<Row> rows) {
        Row row = first(rows);
        return row == null ? null : WorkItemRows.conversation(row);
    }

    private static Row first(RowSet<Row> rows) {
        Iterator<Row> iterator = rows.iterator();
        return iterator.hasNext() ? iterator.next() : null;
    }

    /**
     * @param office       the agent's office, null when the agent has no profile
     * @param status       the agent's status, null when the agent has no profile
     * @param wrapUpUntil  while the agent is in WRAP_UP, when it ends
     * @param conversation the item now reserved to the agent, null when none fits
     */
    public record Reservation(Office office, AgentStatus status, Instant wrapUpUntil, Conversation conversation) {
    }

    /**
     * @param completed the completed item, null when the completion changed nothing (and nothing was reserved)
     * @param next      the agent's next reservation, null when nothing was completed
     */
    public record Handover(Conversation completed, Reservation next) {
    }

    public record Returned(long agents, long items) {
    }
}
