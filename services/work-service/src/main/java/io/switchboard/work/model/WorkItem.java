package io.switchboard.work.model;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One conversation with a customer on one channel, from queued to completed: a row of {@code work_item} as the
 * statements of {@link io.switchboard.work.repository.WorkItemRepository} return it.
 *
 * @param queuedAt when the item first entered a queue; kept on requeue, so a returned item goes to the head
 */
public record WorkItem(
        UUID id,
        String contactId,
        Channel channel,
        String customerKey,
        String customerName,
        String customerPhone,
        String customerEmail,
        String customerHandle,
        String language,
        Rst rst,
        Intent intent,
        Office office,
        int priority,
        List<String> requiredSkills,
        int slaSeconds,
        List<String> explanation,
        String postalCode,
        WorkState state,
        String agentId,
        Instant queuedAt,
        Instant reservedAt,
        Instant reservationExpiresAt,
        Instant acceptedAt,
        Instant completedAt,
        String resolution,
        Boolean firstContactResolution,
        String notes,
        List<Escalation> escalations,
        Instant visitFrom,
        Instant visitTo) {
}
