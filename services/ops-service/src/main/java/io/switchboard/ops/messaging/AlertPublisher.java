package io.switchboard.ops.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/** Publishes alert changes on {@code alerts}, keyed by what they are about (the complaint topic or the channel). */
@ApplicationScoped
public class AlertPublisher {

    private static final Logger LOG = Logger.getLogger(AlertPublisher.class);

    private final Emitter<Alert> emitter;

    public AlertPublisher(@Channel("alerts") Emitter<Alert> emitter) {
        this.emitter = emitter;
    }

    public void publish(Alert alert) {
        LOG.infof("Alert %s %s %s: %s", alert.state(), alert.kind(), alert.key(), alert.message());
        emitter.send(Message.of(alert)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(alert.key()).build())
                .withNack(failure -> {
                    // The book already holds the change; /api/alerts shows it even when Kafka did not take it.
                    LOG.errorf(failure, "Alert %s %s %s not published", alert.state(), alert.kind(), alert.key());
                    return CompletableFuture.completedFuture(null);
                }));
    }
}
