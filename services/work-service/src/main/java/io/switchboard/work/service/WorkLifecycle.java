package io.switchboard.work.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.repository.SurveyRepository;
import io.switchboard.work.repository.WorkItemRepository;
import io.switchboard.work.repository.WorkItemRepository.Handover;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the holding agent does with an item: accept, complete, release, escalate, correct the class, propose a visit. Each step is one
 * statement that changes the item only if the caller holds it in a state the step fits, and records the lifecycle
 * event with it. When it changed nothing, the item is read once to say why: 404, 403 (not the holder), 409 (wrong
 * state) or 400.
 */
@ApplicationScoped
public class WorkLifecycle {

    private static final List<WorkState> HELD = List.of(WorkState.RESERVED, WorkState.ACCEPTED);

    private final WorkItemRepository items;
    private final OutboxRelay relay;
    private final WorkSettings settings;
    private final SurveyQuestions questions;
    private final Clock clock;

    public WorkLifecycle(WorkItemRepository items, OutboxRelay relay, WorkSettings settings,
            SurveyQuestions questions, Clock clock) {
        this.items = items;
        this.relay = relay;
        this.settings = settings;
        this.questions = questions;
        this.clock = clock;
    }

    /** The item and its conversation, for its holder or (with {@code readsAll}) a supervisor or ops. */
    public Uni<Conversation> view(UUID id, String callerId, boolean readsAll) {
        return items.find(id).map(found -> {
            if (found == null) {
                throw WorkRequestRejected.notFound("no work item " + id);
            }
            if (!readsAll && !callerId.equals(found.item().agentId())) {
                throw WorkRequestRejected.notHolder("work item " + id + " is not held by " + callerId);
            }
            return found;
        });
    }

    /** Accepting a call connects the caller, with the survey to ask after it when the caller is due one. */
    public Uni<Conversation> accept(UUID id, String agentId) {
        return orWhyNot(items.accept(id, agentId, questions.asking(clock.instant())), id, agentId, "accepted",
                List.of(WorkState.RESERVED), WorkLifecycle::changedMeanwhile);
    }

    public Uni<Conversation> complete(UUID id, String agentId, String resolution, boolean firstContactResolution,
            String notes) {
        return orWhyNot(items.complete(id, agentId, clock.instant(), resolution, firstContactResolution, notes,
                settings.wrapUp()), id, agentId, "completed", List.of(WorkState.ACCEPTED),
                WorkLifecycle::changedMeanwhile);
    }

    /**
     * Completes the item and reserves the agent's next one in the same transaction (and accepts it, with
     * {@code accept}): it fails as {@link #complete} does when the completion does not fit, and then nothing is
     * reserved.
     */
    public Uni<Handover> completeAndReserve(UUID id, String agentId, String resolution, boolean firstContactResolution,
            String notes, boolean accept) {
        Instant now = clock.instant();
        return items.completeAndReserve(id, agentId, now, resolution, firstContactResolution, notes, settings.wrapUp(),
                now.plus(settings.reservationTimeout()), accepting(accept, now))
                .chain(handover -> handover.completed() != null
                        ? recorded(handover.completed()).replaceWith(handover)
                        : whyNot(id, agentId, "completed", List.of(WorkState.ACCEPTED)).<Handover>map(found -> {
                            throw changedMeanwhile(found.item());
                        }));
    }

    /**
     * Back to its place in the queue (it keeps its age and due time), but not offered to this agent again for
     * {@code reoffer-exclusion} unless no other eligible agent is available; past {@code max-reoffers} it is
     * flagged for supervisors.
     */
    public Uni<Conversation> release(UUID id, String agentId) {
        Instant now = clock.instant();
        return orWhyNot(items.release(id, agentId, now, now.plus(settings.reofferExclusion()), settings.maxReoffers()),
                id, agentId, "released", HELD, WorkLifecycle::changedMeanwhile);
    }

    /**
     * Hands the item to another office's queue; the reason joins the escalations that travel with it. The office
     * shows the class the contact needed (back office: SPECIALIST, technicians: TECHNICAL), with {@code intent} when
     * the agent names one: a change of class is published as a correction (source ESCALATION).
     */
    public Uni<Conversation> escalate(UUID id, String agentId, Office toOffice, String reason, Intent intent) {
        if (toOffice == Office.FRONT_OFFICE) {
            throw WorkRequestRejected.invalid("work escalates to the back office or the technicians, not to "
                    + toOffice);
        }
        return orWhyNot(items.escalate(id, agentId, clock.instant(), toOffice, reason, intent), id, agentId, "escalated",
                HELD, item -> WorkRequestRejected.invalid("an item of the " + item.office()
                        + " escalates to the back office or the technicians, not to " + toOffice));
    }

    /**
     * The holder's correction of the item's class, published on {@code contacts.corrections} for the routing
     * engine's retrain; a retry (the item already has this class) changes and sends nothing and answers the item.
     */
    public Uni<Conversation> correct(UUID id, String agentId, Rst rst, Intent intent, String reason) {
        return items.correct(id, agentId, clock.instant(), rst, intent, reason).chain(changed -> changed != null
                ? recorded(changed)
                : whyNot(id, agentId, "corrected", HELD).map(found -> {
                    if (found.item().rst() == rst && found.item().intent() == intent) {
                        return found;
                    }
                    throw changedMeanwhile(found.item());
                }));
    }

    /** Records the visit window a technician proposes for a technical item they hold. */
    public Uni<Conversation> proposeVisit(UUID id, String agentId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw WorkRequestRejected.invalid("a visit window ends after it starts");
        }
        return orWhyNot(items.proposeVisit(id, agentId, from, to), id, agentId, "given a visit window", HELD,
                item -> WorkRequestRejected.conflict("work item " + id + " is " + item.office()
                        + " work; visits are proposed for the technicians' items"));
    }

    /**
     * The step's result, or why it changed nothing: the item is missing (404), held by someone else (403), in a
     * state the step does not fit (409), or else the step's own condition failed ({@code otherwise}).
     */
    private Uni<Conversation> orWhyNot(Uni<Conversation> step, UUID id, String agentId, String done,
            List<WorkState> allowed, Function<WorkItem, WorkRequestRejected> otherwise) {
        return step.chain(changed -> changed != null ? recorded(changed)
                : whyNot(id, agentId, done, allowed).map(found -> {
                    throw otherwise.apply(found.item());
                }));
    }

    /** The item after a step that changed nothing, unless it is missing (404), not held (403) or in another state (409). */
    private Uni<Conversation> whyNot(UUID id, String agentId, String done, List<WorkState> allowed) {
        return items.find(id).map(found -> {
            if (found == null) {
                throw WorkRequestRejected.notFound("no work item " + id);
            }
            WorkItem item = found.item();
            if (!agentId.equals(item.agentId())) {
                throw WorkRequestRejected.notHolder("work item " + id + " is not held by " + agentId);
            }
            if (!allowed.contains(item.state())) {
                throw WorkRequestRejected.conflict("work item " + id + " is " + item.state() + " and cannot be "
                        + done + " (it must be " + allowed + ")");
            }
            return found;
        });
    }

    /** For an agent who accepts what it is given: what accepting at {@code now} asks a caller; else null. */
    SurveyRepository.Asking accepting(boolean accept, Instant now) {
        return accept ? questions.asking(now) : null;
    }

    private Uni<Conversation> recorded(Conversation changed) {
        relay.publishPending();
        return Uni.createFrom().item(changed);
    }

    /** The step found the item in another state than the look that followed it: a concurrent change. */
    private static WorkRequestRejected changedMeanwhile(WorkItem item) {
        return WorkRequestRejected.conflict("work item " + item.id() + " changed meanwhile; it is now " + item.state());
    }
}
