package io.switchboard.work.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.OutboundKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What went out to the customer on a work item: an agent's reply or the connection of a waiting caller or store
 * visitor, with how far its delivery got.
 *
 * @param agentAddress for {@code CONNECT}: where the customer is taken (the agent's phone address or desk)
 * @param error        the provider's (or adapter's) reason for {@code FAILED} and {@code UNCONFIRMED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(UUID id, UUID workItemId, OutboundKind kind, String agentId, String text,
        List<Attachment> attachments, String templateName, String templateLanguage, boolean privateReply,
        String idempotencyKey, String agentAddress, DeliveryState state, String provider, String providerMessageId,
        String error, Instant requestedAt, Instant updatedAt) {
}
