package io.switchboard.work.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.work.model.ConversationMessage;
import io.switchboard.work.model.Escalation;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.service.Conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A work item as the agent's tool shows it: the contact, the routing decision, its state and conversation. The
 * explanation ends with the targeting step under which the item was reserved, when its targeting widens.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkItemView(
        UUID id,
        String contactId,
        Channel channel,
        Customer customer,
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
        VisitWindow visitWindow,
        List<ConversationMessage> messages,
        Instant dueAt,
        List<TargetingStep> targeting,
        int targetingStep,
        Integer matchedStep,
        String declinedBy,
        Instant declinedUntil,
        int reoffers,
        Instant flaggedAt) {

    public record VisitWindow(Instant from, Instant to) {
    }

    static WorkItemView of(Conversation conversation) {
        WorkItem item = conversation.item();
        return new WorkItemView(item.id(), item.contactId(), item.channel(),
                new Customer(item.customerKey(), item.customerPhone(), item.customerEmail(), item.customerHandle(),
                        item.customerName()),
                item.language(), item.rst(), item.intent(), item.office(), item.priority(), item.requiredSkills(),
                item.slaSeconds(), explanation(item), item.postalCode(), item.state(), item.agentId(),
                item.queuedAt(), item.reservedAt(), item.reservationExpiresAt(), item.acceptedAt(),
                item.completedAt(), item.resolution(), item.firstContactResolution(), item.notes(),
                item.escalations(), item.visitFrom() == null ? null : new VisitWindow(item.visitFrom(), item.visitTo()),
                conversation.messages(), item.dueAt(), item.targeting(), item.step(), item.matchedStep(),
                item.declinedBy(), item.declinedUntil(), item.reoffers(), item.flaggedAt());
    }

    private static List<String> explanation(WorkItem item) {
        if (item.matchedStep() == null || item.matchedStep() >= item.targeting().size()) {
            return item.explanation();
        }
        TargetingStep step = item.targeting().get(item.matchedStep());
        List<String> explanation = new ArrayList<>(item.explanation());
        explanation.add("Reserved under targeting step " + item.matchedStep() + " (from " + step.afterSeconds()
                + " s of waiting): " + (step.requiredSkills().isEmpty() ? "any " + step.office() + " agent"
                        : step.office() + " agents with " + String.join(", ", step.requiredSkills())) + ".");
        return explanation;
    }
}
