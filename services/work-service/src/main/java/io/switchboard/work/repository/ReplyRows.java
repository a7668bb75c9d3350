package io.switchboard.work.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.work.model.Reply;
import io.vertx.mutiny.sqlclient.Row;

import java.util.List;

/**
 * The SQL fragments the statements that write replies share: the OutboundMessage for the adapters and the
 * {@code REPLY_*} lifecycle event, both into the outbox in the statement that wrote the reply.
 */
final class ReplyRows {

    /** The columns of {@link Reply}, read from a table or CTE named {@code r}. */
    static final String REPLY = """
            r.id, r.work_item_id, r.kind, r.agent_id, r.text, r.attachments::text AS attachments, r.template_name,
            r.template_language, r.private_reply, r.idempotency_key, r.agent_address, r.state, r.provider,
            r.provider_message_id, r.error, r.requested_at, r.updated_at""";

    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {
    };

    private ReplyRows() {
    }

    /**
     * An outbox insert, as a CTE named {@code name}, of the OutboundMessage (on {@code contacts.outbound}, keyed by
     * contact id) of every PENDING row of {@code replies} (the reply columns).
     */
    static String outbound(String name, String replies) {
        return outbound(name, replies, "'{}'::jsonb");
    }

    /**
     * As {@link #outbound(String, String)}, each message joined with {@code extra}: a jsonb expression over the reply
     * {@code r}, such as the survey a message asks ({@link SurveyRows#question}).
     */
    static String outbound(String name, String replies, String extra) {
        return """
                %s AS (INSERT INTO outbox_event (topic, message_key, payload)
                       SELECT 'contacts.outbound', i.contact_id, outbound_message(r.work_item_id, r.id, r.kind,
                              r.agent_id, r.agent_address, r.text, r.attachments, r.template_name,
                              r.template_language, r.private_reply, r.idempotency_key, r.requested_at) || %s
                         FROM %s r JOIN work_item i ON i.id = r.work_item_id WHERE r.state = 'PENDING')"""
                .formatted(name, extra, replies);
    }

    /**
     * The lifecycle event, as a CTE named {@code name}, of every row of {@code replies} in its state: REPLY_REQUESTED
     * for a new (PENDING) reply, else REPLY_SENT, REPLY_DELIVERED …; the reply's agent is the event's agent.
     */
    static String event(String name, String replies, String at) {
        return WorkItemRows.event(name, """
                (SELECT i.*, r.id AS reply_id, r.kind AS reply_kind, r.agent_id AS reply_agent, r.state AS reply_state,
                        r.provider_message_id AS reply_provider_message_id, r.error AS reply_error
                   FROM %s r JOIN work_item i ON i.id = r.work_item_id)""".formatted(replies),
                "'REPLY_' || CASE c.reply_state WHEN 'PENDING' THEN 'REQUESTED' ELSE c.reply_state END",
                "c.reply_agent", at, """
                jsonb_strip_nulls(jsonb_build_object('replyId', c.reply_id::text, 'kind', c.reply_kind,
                        'providerMessageId', c.reply_provider_message_id, 'error', c.reply_error))""");
    }

    static Reply reply(Row row) {
        try {
            return new Reply(row.getUUID("id"), row.getUUID("work_item_id"),
                    OutboundKind.valueOf(row.getString("kind")), row.getString("agent_id"), row.getString("text"),
                    Json.mapper().readValue(row.getString("attachments"), ATTACHMENTS),
                    row.getString("template_name"), row.getString("template_language"),
                    row.getBoolean("private_reply"), row.getString("idempotency_key"),
                    row.getString("agent_address"), DeliveryState.valueOf(row.getString("state")),
                    row.getString("provider"), row.getString("provider_message_id"), row.getString("error"),
                    WorkItemRows.instant(row, "requested_at"), WorkItemRows.instant(row, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable reply attachments: " + e.getOriginalMessage(), e);
        }
    }
}
