package io.switchboard.work.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Agents pull work here. A pull reserves the best item the agent may take in one statement (see
 * {@link WorkItemRepository#reserveFor}); when there is none it waits for a {@link WorkSignals signal} of new work
 * in the agent's office and tries again, until the agent's wait is over. No database connection is held while it
 * waits.
 */
@ApplicationScoped
public class WorkQueue {

    private final WorkItemRepository items;
    private final WorkSignals signals;
    private final OutboxRelay relay;
    private final WorkSettings settings;
    private final Clock clock;

    public WorkQueue(WorkItemRepository items, WorkSignals signals, OutboxRelay relay, WorkSettings settings,
            Clock clock) {
        this.items = items;
        this.signals = signals;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
    }

    /** The item now reserved to the agent, or null when none arrived within {@code wait}. */
    public Uni<Conversation> next(String agentId, Duration wait) {
        Duration bounded = wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
        return pull(agentId, System.nanoTime() + bounded.toNanos());
    }

    private Uni<Conversation> pull(String agentId, long deadline) {
        WorkSignals.Mark mark = signals.mark();
        Instant now = clock.instant();
        return items.reserveFor(agentId, now, now.plus(settings.reservationTimeout())).chain(pulled -> {
            requireAvailable(agentId, pulled);
            long remaining = deadline - System.nanoTime();
            if (pulled.conversation() != null) {
                relay.publishPending();
                return Uni.createFrom().item(pulled.conversation());
            }
            if (remaining <= 0) {
                return Uni.createFrom().nullItem();
            }
            return signals.await(mark, pulled.office(), Duration.ofNanos(remaining))
                    .chain(() -> pull(agentId, deadline));
        });
    }

    private static void requireAvailable(String agentId, WorkItemRepository.Reservation pulled) {
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
