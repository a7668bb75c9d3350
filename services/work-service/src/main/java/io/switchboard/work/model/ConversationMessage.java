package io.switchboard.work.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.OutboundKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of a work item's thread, in the order of {@code at}: the customer's (the opening contact or a
 * follow-up that joined the item) or what went out to the customer (an agent's reply, the connection of a caller).
 *
 * @param author            {@code customer}, or the id of the agent who wrote or took it ({@code switchboard} for
 *                          an automatic answer)
 * @param automatic         outbound only: true for an answer the service sent by itself (closed hours)
 * @param at                when the customer's message arrived, or when the agent asked to send
 * @param receivedAt        inbound only: when the customer's message arrived (as {@code at})
 * @param providerMessageId the provider's id of the message: of the customer's, or of the sent reply once SENT
 * @param state             outbound only: how far delivery got; {@code error} says why it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationMessage(
        Direction direction,
        String author,
        Boolean automatic,
        Instant at,
        String text,
        List<Attachment> attachments,
        String provider,
        String providerMessageId,
        String contactId,
        Instant receivedAt,
        @JsonProperty("public") Boolean publicPost,
        UUID replyId,
        OutboundKind kind,
        String templateName,
        String templateLanguage,
        Boolean privateReply,
        String agentAddress,
        DeliveryState state,
        String error,
        Instant updatedAt) {

    public enum Direction { INBOUND, OUTBOUND }

    public boolean inbound() {
        return direction == Direction.INBOUND;
    }
}
