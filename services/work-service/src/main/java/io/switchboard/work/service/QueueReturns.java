package io.switchboard.work.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.repository.AgentRepository;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Returns work to the head of its queue (it keeps its original age) when nobody is handling it any more: a
 * reservation not accepted in time, an agent who went offline, or an agent who stopped calling the API. Every
 * instance sweeps; row locks keep two sweeps from returning the same item twice.
 */
@ApplicationScoped
public class QueueReturns {

    private static final Logger LOG = Logger.getLogger(QueueReturns.class);

    private final WorkItemRepository items;
    private final AgentRepository agents;
    private final LifecycleOutbox lifecycle;
    private final WorkSettings settings;
    private final Clock clock;

    public QueueReturns(WorkItemRepository items, AgentRepository agents, LifecycleOutbox lifecycle,
            WorkSettings settings, Clock clock) {
        this.items = items;
        this.agents = agents;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.clock = clock;
    }

    /** Everything the agent holds goes back; call inside a transaction. */
    public Uni<Integer> returnHeldBy(String agentId, String reason) {
        return items.heldBy(agentId).chain(held -> requeue(held, reason));
    }

    @Scheduled(every = "${switchboard.work.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> items.expiredReservations(now)
                        .chain(expired -> requeue(expired, "reservation-timeout"))
                        .chain(() -> agents.silentSince(now.minus(settings.presenceTimeout())))
                        .chain(silent -> Multi.createFrom().iterable(silent)
                                .onItem().transformToUniAndConcatenate(agent -> {
                                    LOG.infof("Agent %s made no call for %s: now OFFLINE", agent.id,
                                            settings.presenceTimeout());
                                    agent.status = AgentStatus.OFFLINE;
                                    return returnHeldBy(agent.id, "agent-silent");
                                })
                                .collect().last()))
                .onFailure().invoke(e -> LOG.warnf("Sweep of reservations and presence failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Integer> requeue(List<WorkItem> held, String reason) {
        Instant now = clock.instant();
        return Multi.createFrom().iterable(held)
                .onItem().transformToUniAndConcatenate(item -> {
                    String agentId = item.agentId;
                    item.requeue();
                    return lifecycle.record(item, LifecycleEventType.REQUEUED, agentId, now, Map.of("reason", reason));
                })
                .collect().asList()
                .map(List::size);
    }
}
