package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Something to deliver to a customer through the channel they used: an agent's reply or the connection of a
 * waiting caller or store visitor to the agent. Published by the work-service on {@link Topics#CONTACTS_OUTBOUND},
 * keyed by contact id, and delivered by the adapter of {@code channel}; what became of it comes back as
 * {@link ReplyStatus} on {@link Topics#CONTACTS_DELIVERY}.
 *
 * @param replyId          the reply's id, stable across retries of the same request
 * @param contactId        the work item's contact id (its opening contact)
 * @param customer         who receives it
 * @param text             the agent's text; for {@code CONNECT} an optional announcement
 * @param templateName     an approved message template to send instead of free text (WhatsApp outside the
 *                         customer-service window); null otherwise
 * @param templateLanguage the template's language code, e.g. {@code nl} or {@code en_US}
 * @param privateReply     for a public comment: answer the commenter in private instead of publicly
 * @param idempotencyKey   the key the agent's client sent, so a retried request never sends twice
 * @param agentId          the author
 * @param agentAddress     for {@code CONNECT}: where the agent takes the customer (a Twilio Client identity
 *                         {@code client:anna}, a SIP URI, a phone number, or a store desk); null otherwise
 * @param replyTo          the customer's latest inbound message on the item
 * @param survey           for {@code SURVEY}: the question to ask; for a phone {@code CONNECT}: the question to
 *                         ask the caller when the agent hangs up; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboundMessage(
        int schemaVersion,
        String replyId,
        OutboundKind kind,
        String contactId,
        Channel channel,
        Customer customer,
        String text,
        List<Attachment> attachments,
        String templateName,
        String templateLanguage,
        boolean privateReply,
        String idempotencyKey,
        String agentId,
        String agentAddress,
        ReplyContext replyTo,
        Instant requestedAt,
        SurveyQuestion survey) {

    public static final int SCHEMA_VERSION = 1;

    /** A reply or connection that asks no survey. */
    public OutboundMessage(int schemaVersion, String replyId, OutboundKind kind, String contactId, Channel channel,
            Customer customer, String text, List<Attachment> attachments, String templateName, String templateLanguage,
            boolean privateReply, String idempotencyKey, String agentId, String agentAddress, ReplyContext replyTo,
            Instant requestedAt) {
        this(schemaVersion, replyId, kind, contactId, channel, customer, text, attachments, templateName,
                templateLanguage, privateReply, idempotencyKey, agentId, agentAddress, replyTo, requestedAt, null);
    }

    public OutboundMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
