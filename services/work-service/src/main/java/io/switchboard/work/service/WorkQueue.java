package io.switchboard.work.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.repository.WorkItemRepository;
import io.switchboard.work.repository.WorkItemRepository.Handover;
import io.switchboard.work.repository.WorkItemRepository.Reservation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Agents pull work here. A pull reserves the best item the agent may take in one statement (see
 * {@link WorkItemRepository#reserveFor}); when there is none it waits for a {@link WorkSignals signal} of new work
 * in the agent's office and tries again, until the agent's wait is over. No database connection is held while it
 * waits.
 */
@ApplicationScoped
public class WorkQueue {

    private final WorkItemRepository items;
    private final WorkLifecycle lifecycle;
    private final WorkSignals signals;
    private final OutboxRelay relay;
    private final WorkSettings settings;
    private final Clock clock;

    public WorkQueue(WorkItemRepository items, WorkLifecycle lifecycle, WorkSignals signals, OutboxRelay relay,
            WorkSettings settings, Clock clock) {
        this.items = items;
        this.lifecycle = lifecycle;
        this.signals = signals;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The item now reserved to the agent (and accepted, with {@code accept}: an agent who takes what it is given),
     * or null when none arrived within {@code wait}.
     */
    public Uni<Conversation> next(String agentId, Duration wait, boolean accept) {
        return pull(agentId, deadline(wait), accept).map(pulled -> {
            requireAvailable(agentId, pulled);
            return pulled.conversation();
        });
    }

    /**
     * Completes the agent's item and hands it the next: reserved (and with {@code accept} accepted) in the
     * completion's transaction when one fits (one request and one commit fewer per item than complete, then next),
     * else waited for as {@link #next} does. An agent the completion put into WRAP_UP, or who is not AVAILABLE, gets
     * none and its status says why.
     */
    public Uni<Handover> completeAndNext(UUID id, String agentId, String resolution, boolean firstContactResolution,
            String notes, Duration wait, boolean accept) {
        long deadline = deadline(wait);
        return lifecycle.completeAndReserve(id, agentId, resolution, firstContactResolution, notes, accept)
                .chain(handover -> {
                    Reservation next = handover.next();
                    if (next.status() != AgentStatus.AVAILABLE || next.conversation() != null
                            || deadline <= System.nanoTime()) {
                        return Uni.createFrom().item(handover);
                    }
                    return pull(agentId, deadline, accept).map(pulled -> new Handover(handover.completed(), pulled));
                });
    }

    private long deadline(Duration wait) {
        Duration bounded = wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
        return System.nanoTime() + bounded.toNanos();
    }

    /** Reserves until an item comes or the deadline passes; stops at once for an agent who is not AVAILABLE. */
    private Uni<Reservation> pull(String agentId, long deadline, boolean accept) {
        WorkSignals.Mark mark = signals.mark();
        Instant now = clock.instant();
        Instant expires = now.plus(settings.reservationTimeout());
        return items.reserveFor(agentId, now, expires, lifecycle.accepting(accept, now)).chain(pulled -> {
            if (pulled.conversation() != null) {
                relay.publishPending();
                return Uni.createFrom().item(pulled);
            }
            long remaining = deadline - System.nanoTime();
            if (pulled.status() != AgentStatus.AVAILABLE || remaining <= 0) {
                return Uni.createFrom().item(pulled);
            }
            return signals.await(mark, pulled.office(), Duration.ofNanos(remaining))
                    .chain(() -> pull(agentId, deadline, accept));
        });
    }

    private static void requireAvailable(String agentId, Reservation pulled) {
        if (pulled.status() == null) {
            throw WorkRequestRejected.conflict("agent " + agentId
                    + " has no profile; a supervisor registers agents with PUT /api/agents/{agentId}");
        }
        if (pulled.status() == AgentStatus.WRAP_UP) {
            throw WorkRequestRejected.conflict("agent " + agentId + " is in WRAP_UP until " + pulled.wrapUpUntil()
                    + "; set the status to AVAILABLE to end it now");
        }
        if (pulled.status() != AgentStatus.AVAILABLE) {
            throw WorkRequestRejected.conflict("agent " + agentId + " is " + pulled.status()
                    + "; set the status to AVAILABLE to be offered work");
        }
    }
}
