package io.switchboard.work.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.work.model.ConversationMessage;
import io.switchboard.work.model.Escalation;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.service.Conversation;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The SQL fragments every statement on {@code work_item} shares, and the mapping of their rows: an item read
 * through alias {@code w}, with its conversation as one JSON column, so a statement that changes an item returns
 * what the agent's response needs without a second query.
 */
final class WorkItemRows {

    /** The columns of {@link WorkItem}, read from a table or CTE named {@code w}. */
    static final String ITEM = """
            w.id, w.contact_id, w.channel, w.customer_key, w.customer_name, w.customer_phone, w.customer_email,
            w.customer_handle, w.language, w.rst, w.intent, w.office, w.priority, w.required_skills, w.sla_seconds,
            w.explanation, w.postal_code, w.state, w.agent_id, w.queued_at, w.reserved_at, w.reservation_expires_at,
            w.accepted_at, w.completed_at, w.resolution, w.first_contact_resolution, w.notes,
            w.escalations::text AS escalations, w.visit_from, w.visit_to, w.targeting::text AS targeting, w.step,
            w.next_step_at, w.matched_step, w.due_at, w.declined_by, w.declined_until, w.reoffers, w.flagged_at""";

    /** The thread of item {@code w}: the customer's messages and the replies, in time order, as a JSON array. */
    static final String MESSAGES = messages("reply");

    /** Back in its queue, unheld; it keeps {@code queued_at}, so it returns to the head of its priority. */
    static final String REQUEUE = """
            state = 'QUEUED', agent_id = NULL, reserved_at = NULL, reservation_expires_at = NULL, accepted_at = NULL""";

    /** The re-offers of a declined item ({@code c}), and {@code flagged} when it now waits for a supervisor. */
    static final String DECLINED_DETAILS = """
            jsonb_strip_nulls(jsonb_build_object('reoffers', c.reoffers::text,
                    'flagged', CASE WHEN c.flagged_at IS NOT NULL THEN 'true' END))""";

    private static final TypeReference<List<Escalation>> ESCALATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<ConversationMessage>> CONVERSATION = new TypeReference<>() {
    };
    private static final TypeReference<List<TargetingStep>> TARGETING = new TypeReference<>() {
    };

    private WorkItemRows() {
    }

    /**
     * An outbox insert, as a CTE named {@code event}, of a lifecycle step of every row of {@code changed} (a CTE
     * with the work_item columns, read as {@code c}). {@code type}, {@code agent}, {@code at} and {@code details}
     * are SQL expressions.
     */
    static String event(String changed, String type, String agent, String at, String details) {
        return event("event", changed, type, agent, at, details);
    }

    /** As {@link #event(String, String, String, String, String)}, in a CTE named {@code name}. */
    static String event(String name, String changed, String type, String agent, String at, String details) {
        return """
                %s AS (INSERT INTO outbox_event (topic, message_key, payload)
                          SELECT 'contacts.lifecycle', c.contact_id, lifecycle_event(c.contact_id, c.channel, c.office,
                                 c.intent, c.queued_at, %s, %s, %s, %s)
                            FROM %s c)""".formatted(name, type, agent, at, details, changed);
    }

    /**
     * The thread of item {@code w} as a JSON array in time order: the customer's messages and the rows of
     * {@code replies} (the reply table, or a union with replies written in the same statement, which the table
     * does not show yet).
     */
    static String messages(String replies) {
        return """
                (SELECT coalesce(jsonb_agg(t.message ORDER BY t.at, t.seq), '[]')::text
                   FROM (SELECT m.received_at AS at, m.contact_id AS seq, jsonb_strip_nulls(jsonb_build_object(
                                'direction', 'INBOUND', 'author', 'customer', 'at', iso_instant(m.received_at),
                                'text', m.text, 'attachments', m.attachments, 'provider', m.provider,
                                'providerMessageId', m.provider_message_id, 'contactId', m.contact_id,
                                'receivedAt', iso_instant(m.received_at), 'public', m.public_post)) AS message
                           FROM contact_message m WHERE m.work_item_id = w.id
                         UNION ALL
                         SELECT r.requested_at, r.id::text, jsonb_strip_nulls(jsonb_build_object(
                                'direction', 'OUTBOUND', 'author', r.agent_id, 'at', iso_instant(r.requested_at),
                                'automatic', CASE WHEN r.agent_id = 'switchboard' THEN true END,
                                'text', r.text, 'attachments', r.attachments, 'provider', r.provider,
                                'providerMessageId', r.provider_message_id, 'replyId', r.id, 'kind', r.kind,
                                'templateName', r.template_name, 'templateLanguage', r.template_language,
                                'privateReply', r.private_reply, 'agentAddress', r.agent_address, 'state', r.state,
                                'error', r.error, 'updatedAt', iso_instant(r.updated_at)))
                           FROM %s r WHERE r.work_item_id = w.id) t) AS messages""".formatted(replies);
    }

    /**
     * The SET of an item declined by {@code agent} at {@code now}: not offered to that agent before {@code until};
     * one more re-offer, and flagged for supervisors (no longer offered) when it was re-offered {@code max} times.
     * {@code now} is cast: a parameter first met in a CASE would be prepared as text.
     */
    static String declined(String agent, String now, String until, String max) {
        return """
                declined_by = %1$s, declined_until = %3$s, reoffers = reoffers + 1,
                flagged_at = CASE WHEN reoffers >= %4$s THEN %2$s::timestamptz END""".formatted(agent, now, until, max);
    }

    /**
     * The SET of a correction of the item's class to {@code rst} and {@code intent} (SQL expressions, read against
     * the old row) by {@code agent} at {@code at}: the routed class is kept by the first correction, and only a
     * change of class stamps {@code corrected_at} and joins the explanation, so {@link #correction} sends nothing
     * for a class that stays.
     */
    static String corrected(String rst, String intent, String source, String agent, String at, String reason) {
        String changed = "(rst, intent) IS DISTINCT FROM (%s, %s)".formatted(rst, intent);
        return """
                routed_rst = coalesce(routed_rst, rst), routed_intent = coalesce(routed_intent, intent),
                corrected_at = CASE WHEN %1$s THEN %6$s ELSE corrected_at END,
                explanation = CASE WHEN %1$s THEN explanation || ('class corrected (' || %4$s || ' by ' || %5$s
                        || '): ' || coalesce(rst, '?') || '/' || coalesce(intent, '?') || ' → ' || %2$s || '/'
                        || coalesce(%3$s, '?') || ', ' || %7$s) ELSE explanation END,
                rst = %2$s, intent = %3$s""".formatted(changed, rst, intent, source, agent, at, reason);
    }

    /**
     * An outbox insert, as a CTE named {@code correction}, of the ClassificationCorrection (on
     * {@code contacts.corrections}, keyed by contact id) of every row of {@code changed} whose class
     * {@link #corrected} changed at {@code at}.
     */
    static String correction(String changed, String source, String agent, String at, String reason) {
        return """
                correction AS (INSERT INTO outbox_event (topic, message_key, payload)
                               SELECT 'contacts.corrections', c.contact_id, classification_correction(c.id,
                                      c.routed_rst, c.routed_intent, c.rst, c.intent, %s, %s, %s, c.model_version, %s)
                                 FROM %s c WHERE c.corrected_at = %s)""".formatted(source, reason, agent, at, changed,
                at);
    }

    static WorkItem item(Row row) {
        return new WorkItem(row.getUUID("id"), row.getString("contact_id"),
                Channel.valueOf(row.getString("channel")), row.getString("customer_key"),
                row.getString("customer_name"), row.getString("customer_phone"), row.getString("customer_email"),
                row.getString("customer_handle"), row.getString("language"),
                constant(Rst.class, row.getString("rst")), constant(Intent.class, row.getString("intent")),
                Office.valueOf(row.getString("office")), row.getInteger("priority"),
                List.of(row.getArrayOfStrings("required_skills")), row.getInteger("sla_seconds"),
                List.of(row.getArrayOfStrings("explanation")), row.getString("postal_code"),
                WorkState.valueOf(row.getString("state")), row.getString("agent_id"), instant(row, "queued_at"),
                instant(row, "reserved_at"), instant(row, "reservation_expires_at"), instant(row, "accepted_at"),
                instant(row, "completed_at"), row.getString("resolution"), row.getBoolean("first_contact_resolution"),
                row.getString("notes"), json(row.getString("escalations"), ESCALATIONS), instant(row, "visit_from"),
                instant(row, "visit_to"), json(row.getString("targeting"), TARGETING), row.getInteger("step"),
                instant(row, "next_step_at"), row.getInteger("matched_step"), instant(row, "due_at"),
                row.getString("declined_by"), instant(row, "declined_until"), row.getInteger("reoffers"),
                instant(row, "flagged_at"));
    }

    static Conversation conversation(Row row) {
        return new Conversation(item(row), json(row.getString("messages"), CONVERSATION));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** The reactive client binds timestamptz from OffsetDateTime, not Instant. */
    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static <T> List<T> json(String json, TypeReference<List<T>> type) {
        try {
            return json == null ? List.of() : Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
