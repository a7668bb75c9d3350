package io.switchboard.work.rest;

import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.repository.WorkItemRepository.Handover;

import java.time.Instant;

/**
 * What complete-and-next answers: the completed item, the caller's next item (null when none came within the wait,
 * or the agent is not AVAILABLE: in WRAP_UP after this completion, for instance), and the agent's status then.
 */
public record HandoverView(WorkItemView completed, WorkItemView next, AgentStatus agentStatus, Instant wrapUpUntil) {

    static HandoverView of(Handover handover) {
        return new HandoverView(WorkItemView.of(handover.completed()),
                handover.next().conversation() == null ? null : WorkItemView.of(handover.next().conversation()),
                handover.next().status(), handover.next().wrapUpUntil());
    }
}
