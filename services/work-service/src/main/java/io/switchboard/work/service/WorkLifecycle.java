package io.switchboard.work.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.work.model.Escalation;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.repository.ContactMessageRepository;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the holding agent does with an item: accept, complete, release, escalate. Each step locks the item, checks
 * that the caller holds it and that the step fits its state, and records the lifecycle event in the same
 * transaction.
 */
@ApplicationScoped
public class WorkLifecycle {

    private final WorkItemRepository items;
    private final ContactMessageRepository messages;
    private final LifecycleOutbox lifecycle;
    private final Clock clock;

    public WorkLifecycle(WorkItemRepository items, ContactMessageRepository messages, LifecycleOutbox lifecycle,
            Clock clock) {
        this.items = items;
        this.messages = messages;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** The item and its conversation, for its holder or (with {@code readsAll}) a supervisor or ops. */
    @WithSession
    public Uni<Conversation> view(UUID id, String callerId, boolean readsAll) {
        return items.findById(id).chain(item -> {
            if (item == null) {
                throw WorkRequestRejected.notFound("no work item " + id);
            }
            if (!readsAll && !callerId.equals(item.agentId)) {
                throw WorkRequestRejected.notHolder("work item " + id + " is not held by " + callerId);
            }
            return withConversation(item);
        });
    }

    @WithTransaction
    public Uni<Conversation> accept(UUID id, String agentId) {
        return held(id, agentId).chain(item -> {
            requireState(item, "accepted", WorkState.RESERVED);
            Instant now = clock.instant();
            item.state = WorkState.ACCEPTED;
            item.acceptedAt = now;
            item.reservationExpiresAt = null;
            return lifecycle.record(item, LifecycleEventType.ACCEPTED, agentId, now,
                            Map.of("waitMillis", String.valueOf(Duration.between(item.queuedAt, now).toMillis())))
                    .chain(() -> withConversation(item));
        });
    }

    @WithTransaction
    public Uni<Conversation> complete(UUID id, String agentId, String resolution, boolean firstContactResolution,
            String notes) {
        return held(id, agentId).chain(item -> {
            requireState(item, "completed", WorkState.ACCEPTED);
            Instant now = clock.instant();
            item.state = WorkState.COMPLETED;
            item.completedAt = now;
            item.resolution = resolution;
            item.firstContactResolution = firstContactResolution;
            item.notes = notes;
            return lifecycle.record(item, LifecycleEventType.COMPLETED, agentId, now, Map.of(
                            "resolution", resolution,
                            "firstContactResolution", String.valueOf(firstContactResolution),
                            "handlingMillis", String.valueOf(Duration.between(item.acceptedAt, now).toMillis())))
                    .chain(() -> withConversation(item));
        });
    }

    /** Back to the head of its queue: it keeps its age, so it comes before newer items of its priority. */
    @WithTransaction
    public Uni<Conversation> release(UUID id, String agentId) {
        return held(id, agentId).chain(item -> {
            requireState(item, "released", WorkState.RESERVED, WorkState.ACCEPTED);
            item.requeue();
            return lifecycle.record(item, LifecycleEventType.RELEASED, agentId, clock.instant())
                    .chain(() -> withConversation(item));
        });
    }

    /** Hands the item to another office's queue; the reason joins the escalations that travel with it. */
    @WithTransaction
    public Uni<Conversation> escalate(UUID id, String agentId, Office toOffice, String reason) {
        return held(id, agentId).chain(item -> {
            requireState(item, "escalated", WorkState.RESERVED, WorkState.ACCEPTED);
            if (toOffice == item.office || toOffice == Office.FRONT_OFFICE) {
                throw WorkRequestRejected.invalid("an item of the " + item.office + " escalates to the back office "
                        + "or the technicians, not to " + toOffice);
            }
            Instant now = clock.instant();
            Office fromOffice = item.office;
            List<Escalation> escalations = new ArrayList<>(item.escalations);
            escalations.add(new Escalation(fromOffice, toOffice, reason, agentId, now));
            item.escalations = escalations;
            item.office = toOffice;
            item.requeue();
            return lifecycle.record(item, LifecycleEventType.ESCALATED, agentId, now, Map.of(
                            "fromOffice", fromOffice.name(), "toOffice", toOffice.name(), "reason", reason))
                    .chain(() -> withConversation(item));
        });
    }

    /** Records the visit window a technician proposes for a technical item they hold. */
    @WithTransaction
    public Uni<Conversation> proposeVisit(UUID id, String agentId, Instant from, Instant to) {
        return held(id, agentId).chain(item -> {
            requireState(item, "given a visit window", WorkState.RESERVED, WorkState.ACCEPTED);
            if (item.office != Office.TECHNICIANS) {
                throw WorkRequestRejected.conflict("work item " + id + " is " + item.office
                        + " work; visits are proposed for the technicians' items");
            }
            if (!from.isBefore(to)) {
                throw WorkRequestRejected.invalid("a visit window ends after it starts");
            }
            item.visitFrom = from;
            item.visitTo = to;
            return withConversation(item);
        });
    }

    /**
     * The customer left before an agent accepted (hung up in the phone queue): the item leaves the queue, or the
     * reservation, for good. Returns whether anything changed; an accepted or finished item is left alone.
     */
    @WithTransaction
    public Uni<Boolean> abandon(String contactId) {
        return messages.findById(contactId).chain(message -> message == null
                ? Uni.createFrom().item(false)
                : items.lock(message.workItemId).map(item -> {
                    if (item.state != WorkState.QUEUED && item.state != WorkState.RESERVED) {
                        return false;
                    }
                    item.requeue();
                    item.state = WorkState.ABANDONED;
                    return true;
                }));
    }

    private Uni<WorkItem> held(UUID id, String agentId) {
        return items.lock(id).map(item -> {
            if (item == null) {
                throw WorkRequestRejected.notFound("no work item " + id);
            }
            if (!agentId.equals(item.agentId)) {
                throw WorkRequestRejected.notHolder("work item " + id + " is not held by " + agentId);
            }
            return item;
        });
    }

    private static void requireState(WorkItem item, String step, WorkState... allowed) {
        if (!List.of(allowed).contains(item.state)) {
            throw WorkRequestRejected.conflict("work item " + item.id + " is " + item.state + " and cannot be " + step
                    + " (it must be " + List.of(allowed) + ")");
        }
    }

    private Uni<Conversation> withConversation(WorkItem item) {
        return messages.conversation(item.id).map(conversation -> new Conversation(item, conversation));
    }
}
