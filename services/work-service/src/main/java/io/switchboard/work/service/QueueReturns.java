package io.switchboard.work.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Returns work to the head of its queue (it keeps its original age) when nobody is handling it any more: a
 * reservation not accepted in time (declined by its holder, as a release: see {@link WorkLifecycle#release}), or
 * an agent who stopped calling the API (then OFFLINE). An agent who goes
 * OFFLINE returns its items at once ({@link AgentDirectory}). Every instance sweeps; row locks keep two sweeps from
 * returning the same item twice.
 */
@ApplicationScoped
public class QueueReturns {

    private static final Logger LOG = Logger.getLogger(QueueReturns.class);

    private final WorkItemRepository items;
    private final OutboxRelay relay;
    private final WorkSettings settings;
    private final Clock clock;

    public QueueReturns(WorkItemRepository items, OutboxRelay relay, WorkSettings settings, Clock clock) {
        this.items = items;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "${switchboard.work.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        Instant now = clock.instant();
        return items.returnExpiredReservations(now, now.plus(settings.reofferExclusion()), settings.maxReoffers())
                .chain(expired -> items.returnFromSilentAgents(now, now.minus(settings.presenceTimeout()))
                        .invoke(returned -> {
                            if (expired + returned.items() > 0) {
                                relay.publishPending();
                            }
                        }))
                .invoke(returned -> {
                    if (returned.agents() > 0) {
                        LOG.infof("%d agents made no call for %s: now OFFLINE, %d items back in their queues",
                                returned.agents(), settings.presenceTimeout(), returned.items());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Sweep of reservations and presence failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
