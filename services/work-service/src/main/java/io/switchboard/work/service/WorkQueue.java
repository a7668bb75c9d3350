package io.switchboard.work.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.work.model.Agent;
import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.repository.AgentRepository;
import io.switchboard.work.repository.ContactMessageRepository;
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
    private final AgentRepository agents;
    private final ContactMessageRepository messages;
    private final LifecycleOutbox lifecycle;
    private final WorkSignals signals;
    private final WorkSettings settings;
    private final Clock clock;

    public WorkQueue(WorkItemRepository items, AgentRepository agents, ContactMessageRepository messages,
            LifecycleOutbox lifecycle, WorkSignals signals, WorkSettings settings, Clock clock) {
        this.items = items;
        this.agents = agents;
        this.messages = messages;
        this.lifecycle = lifecycle;
        this.signals = signals;
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
        return Panache.withTransaction(() -> reserve(agentId)).chain(pulled -> {
            long remaining = deadline - System.nanoTime();
            if (pulled.conversation() != null || remaining <= 0) {
                return Uni.createFrom().item(pulled.conversation());
            }
            return signals.await(mark, pulled.office(), Duration.ofNanos(remaining))
                    .chain(() -> pull(agentId, deadline));
        });
    }

    private Uni<Pulled> reserve(String agentId) {
        Instant now = clock.instant();
        return agents.lock(agentId).chain(agent -> {
            requireAvailable(agentId, agent);
            agent.lastSeenAt = now;
            return items.reserveFor(agentId, now, now.plus(settings.reservationTimeout()))
                    .chain(id -> id == null
                            ? Uni.createFrom().item(new Pulled(null, agent.office))
                            : items.findById(id)
                                    .call(item -> lifecycle.record(item, LifecycleEventType.ASSIGNED, agentId, now))
                                    .chain(item -> messages.conversation(item.id)
                                            .map(conversation -> new Pulled(new Conversation(item, conversation),
                                                    agent.office))));
        });
    }

    private static void requireAvailable(String agentId, Agent agent) {
        if (agent == null) {
            throw WorkRequestRejected.conflict("agent " + agentId
                    + " has no profile; a supervisor registers agents with PUT /api/agents/{agentId}");
        }
        if (agent.status != AgentStatus.AVAILABLE) {
            throw WorkRequestRejected.conflict("agent " + agentId + " is " + agent.status
                    + "; set the status to AVAILABLE to be offered work");
        }
    }

    private record Pulled(Conversation conversation, Office office) {
    }
}
