package io.switchboard.ops.messaging;

import io.switchboard.contracts.Alert;
import io.switchboard.ops.alerts.AlertBook;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Reads the {@code alerts} topic back from the beginning, so the {@link AlertBook} knows what is raised after a
 * restart and what other ops-service instances raised.
 */
@ApplicationScoped
public class AlertReplayConsumer {

    private final AlertBook book;
    private final ReplayProgress progress;

    public AlertReplayConsumer(AlertBook book, ReplayProgress progress) {
        this.book = book;
        this.progress = progress;
    }

    @Incoming("alerts-replay")
    public CompletionStage<Void> replayed(Message<Alert> message) {
        return progress.track(message, book::replayed);
    }
}
