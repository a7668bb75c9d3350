package io.switchboard.adapter.social;

import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import io.switchboard.contracts.SurveyQuestion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Agents' replies and surveys as the work-service publishes them, to social contacts as this adapter published them.
 */
final class Replies {

    static final String QUESTION = "Hoe waarschijnlijk is het dat u ons aanbeveelt? 0 = zeker niet, 10 = zeker wel";

    private Replies() {
    }

    /** A reply to the customer's message {@code providerMessageId}, received {@code ago}. */
    static OutboundMessage to(String provider, String providerMessageId, boolean publicPost, Duration ago,
            Map<String, String> metadata, String text, boolean privateReply) {
        String replyId = UUID.randomUUID().toString();
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, replyId, OutboundKind.REPLY,
                ContactIds.of(Channel.SOCIAL, providerMessageId), Channel.SOCIAL,
                new Customer("handle:" + provider + ":customer", null, null, "customer", null), text, List.of(), null,
                null, privateReply, replyId, "agent-1", null,
                new ReplyContext(provider, providerMessageId, publicPost, Instant.now().minus(ago), metadata),
                Instant.now());
    }

    /** The agent's reply to a contact as this adapter published it: what the work-service puts in replyTo. */
    static OutboundMessage answering(ContactReceived contact, String text, boolean privateReply) {
        String replyId = UUID.randomUUID().toString();
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, replyId, OutboundKind.REPLY, contact.contactId(),
                contact.channel(), contact.customer(), text, List.of(), null, null, privateReply, replyId, "agent-1",
                null, new ReplyContext(contact.provider(), contact.providerMessageId(), contact.publicPost(),
                        contact.receivedAt(), contact.metadata()), Instant.now());
    }

    /** A survey put to the customer whose message {@code providerMessageId} was received {@code ago}. */
    static OutboundMessage survey(String provider, String providerMessageId, boolean publicPost, Duration ago,
            Map<String, String> metadata, String surveyId) {
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, surveyId, OutboundKind.SURVEY,
                ContactIds.of(Channel.SOCIAL, providerMessageId), Channel.SOCIAL,
                new Customer("handle:" + provider + ":customer", null, null, "customer", null), null, List.of(), null,
                null, false, surveyId, null, null,
                new ReplyContext(provider, providerMessageId, publicPost, Instant.now().minus(ago), metadata),
                Instant.now(), new SurveyQuestion(surveyId, QUESTION, "Wat is de reden voor uw cijfer?",
                        "Dank u wel!", "nl"));
    }

    /** A reply with attachments, each by the URL the provider fetches it from. */
    static OutboundMessage withAttachments(OutboundMessage reply, List<Attachment> attachments) {
        return new OutboundMessage(reply.schemaVersion(), reply.replyId(), reply.kind(), reply.contactId(),
                reply.channel(), reply.customer(), reply.text(), attachments, null, null, reply.privateReply(),
                reply.idempotencyKey(), reply.agentId(), null, reply.replyTo(), reply.requestedAt());
    }

    static OutboundMessage to(String provider, String providerMessageId, boolean publicPost,
            Map<String, String> metadata, String text) {
        return to(provider, providerMessageId, publicPost, Duration.ofMinutes(5), metadata, text, false);
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
