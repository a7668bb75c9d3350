package io.switchboard.work.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.repository.IntakeRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Turns routed contacts into queued work, a batch at a time and in one transaction: what each contact becomes is
 * decided for the whole batch ({@link IntakePlan}), so a redelivered contact changes nothing and a follow-up joins
 * its customer's open conversation.
 */
@ApplicationScoped
public class WorkIntake {

    private final IntakeRepository intake;
    private final OutboxRelay relay;
    private final Clock clock;

    public WorkIntake(IntakeRepository intake, OutboxRelay relay, Clock clock) {
        this.intake = intake;
        this.relay = relay;
        this.clock = clock;
    }

    /** What became of each contact, in batch order; completes when the batch is committed. */
    public Uni<List<IntakePlan.Outcome>> take(List<ContactRouted> batch) {
        return intake.store(batch, clock.instant()).invoke(relay::publishPending);
    }
}
