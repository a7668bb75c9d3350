package io.switchboard.work.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Widens the target of waiting items as their targeting steps start (routing rules, {@code targeting}). The pull
 * already honours a step from its first second when it stays in the item's office; this sweep makes it the item's
 * own step, moves items whose step names another office into that office's queue, and so wakes agents waiting in a
 * long poll. Every instance sweeps; SKIP LOCKED keeps two sweeps off the same item.
 */
@ApplicationScoped
public class TargetingSteps {

    private static final Logger LOG = Logger.getLogger(TargetingSteps.class);

    private final WorkItemRepository items;
    private final OutboxRelay relay;
    private final Clock clock;

    public TargetingSteps(WorkItemRepository items, OutboxRelay relay, Clock clock) {
        this.items = items;
        this.relay = relay;
        this.clock = clock;
    }

    @Scheduled(every = "${switchboard.work.targeting-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return items.advanceTargeting(clock.instant())
                .invoke(moved -> {
                    if (moved > 0) {
                        relay.publishPending();
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Sweep of targeting steps failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
