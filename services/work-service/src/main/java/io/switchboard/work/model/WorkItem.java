package io.switchboard.work.model;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted.TargetingStep;
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
 * @param queuedAt    when the item first entered a queue; kept on requeue, so a returned item goes to the head
 * @param targeting   how the target widens as the item waits (empty: it never does); step 0 is the routed one
 * @param step        the targeting step {@code office} and {@code requiredSkills} are of
 * @param nextStepAt  when the next step starts, null at the last one
 * @param matchedStep the step under which the item was last reserved
 * @param dueAt       when the item breaches its service level ({@code queuedAt + slaSeconds})
 * @param declinedBy  the agent who last released it or let it time out, not offered it again before
 *                    {@code declinedUntil} unless no other eligible agent is available
 * @param reoffers    how often agents declined it
 * @param flaggedAt   when it was declined once more than re-offers allow: not offered, left to supervisors
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
        Instant visitTo,
        List<TargetingStep> targeting,
        int step,
        Instant nextStepAt,
        Integer matchedStep,
        Instant dueAt,
        String declinedBy,
        Instant declinedUntil,
        int reoffers,
        Instant flaggedAt) {
}
