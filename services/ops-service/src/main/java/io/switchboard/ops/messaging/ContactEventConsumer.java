package io.switchboard.ops.messaging;

import io.switchboard.contracts.ChannelMetrics;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.ops.alerts.ComplaintSurge;
import io.switchboard.ops.metrics.ChannelBoard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * Feeds every contact event into the {@link ChannelBoard}. Each ops-service instance reads all partitions of
 * these topics from the beginning with a group of its own (see application.properties): the board lives in
 * memory, so every instance must see every event, and a restart rebuilds it by replay.
 */
@ApplicationScoped
public class ContactEventConsumer {

    private final ChannelBoard board;
    private final ComplaintSurge complaints;
    private final ReplayProgress progress;
    private final Clock clock;

    public ContactEventConsumer(ChannelBoard board, ComplaintSurge complaints, ReplayProgress progress,
            Clock clock) {
        this.board = board;
        this.complaints = complaints;
        this.progress = progress;
        this.clock = clock;
    }

    @Incoming("contacts-inbound")
    public CompletionStage<Void> received(Message<ContactReceived> message) {
        return progress.track(message, contact -> board.received(contact, clock.instant()));
    }

    @Incoming("contacts-routed")
    public CompletionStage<Void> routed(Message<ContactRouted> message) {
        return progress.track(message, routed -> {
            if (board.routed(routed, clock.instant())) {
                complaints.record(routed);
            }
        });
    }

    @Incoming("contacts-lifecycle")
    public CompletionStage<Void> lifecycle(Message<LifecycleEvent> message) {
        return progress.track(message, event -> board.lifecycle(event, clock.instant()));
    }

    @Incoming("channel-metrics")
    public CompletionStage<Void> reported(Message<ChannelMetrics> message) {
        return progress.track(message, board::reported);
    }
}
