package io.switchboard.work.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Office;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.repository.SupervisorRepository;
import io.switchboard.work.repository.SupervisorRepository.Page;
import io.switchboard.work.repository.SupervisorRepository.SupervisedAgent;
import io.switchboard.work.repository.SupervisorRepository.WorkFilter;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Supervisors' controls over the queue: agents with their live load, pages of work items, and moving an item to a
 * named agent or back to its queue. Each move is one statement that writes its lifecycle event with the supervisor
 * as actor; when it changed nothing, one look says why (404 unknown item or agent, 409 a state that does not allow
 * it).
 */
@ApplicationScoped
public class Supervision {

    private static final List<WorkState> OPEN = List.of(WorkState.QUEUED, WorkState.RESERVED, WorkState.ACCEPTED);

    private final SupervisorRepository supervisor;
    private final WorkItemRepository items;
    private final OutboxRelay relay;
    private final WorkSettings settings;
    private final Clock clock;

    public Supervision(SupervisorRepository supervisor, WorkItemRepository items, OutboxRelay relay,
            WorkSettings settings, Clock clock) {
        this.supervisor = supervisor;
        this.items = items;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
    }

    public Uni<List<SupervisedAgent>> agents(Office office) {
        return supervisor.agents(office);
    }

    public Uni<Page> work(WorkFilter filter, int page, int size) {
        return supervisor.work(filter, page, size);
    }

    /** Reserves the item to the agent (not OFFLINE), who accepts it as after a pull; it times out alike. */
    public Uni<Conversation> reassign(UUID id, String agentId, String supervisorId) {
        Instant now = clock.instant();
        return supervisor.reassign(id, agentId, now, now.plus(settings.reservationTimeout()), supervisorId)
                .chain(moved -> moved != null ? recorded(moved) : whyNot(id).chain(item -> supervisor.statusOf(agentId)
                        .map(status -> {
                            if (status == null) {
                                throw WorkRequestRejected.notFound("no agent " + agentId);
                            }
                            if (status == AgentStatus.OFFLINE) {
                                throw WorkRequestRejected.conflict("agent " + agentId + " is OFFLINE");
                            }
                            throw WorkRequestRejected.conflict("work item " + id + " is already "
                                    + item.item().state() + " with " + agentId);
                        })));
    }

    /** Back to its queue, offered afresh: a held item, or a waiting one flagged after too many re-offers. */
    public Uni<Conversation> requeue(UUID id, String supervisorId) {
        return supervisor.requeue(id, clock.instant(), supervisorId).chain(moved -> moved != null ? recorded(moved)
                : whyNot(id).map(item -> {
                    throw WorkRequestRejected.conflict("work item " + id + " is already waiting in its queue");
                }));
    }

    /** The open item a move did not change (404 when unknown, 409 when no longer open). */
    private Uni<Conversation> whyNot(UUID id) {
        return items.find(id).map(found -> {
            if (found == null) {
                throw WorkRequestRejected.notFound("no work item " + id);
            }
            if (!OPEN.contains(found.item().state())) {
                throw WorkRequestRejected.conflict("work item " + id + " is " + found.item().state()
                        + "; only open items (" + OPEN + ") are moved");
            }
            return found;
        });
    }

    private Uni<Conversation> recorded(Conversation moved) {
        relay.publishPending();
        return Uni.createFrom().item(moved);
    }
}
