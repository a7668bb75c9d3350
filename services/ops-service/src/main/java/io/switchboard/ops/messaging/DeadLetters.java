package io.switchboard.ops.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.DeadLetterHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * Writes a record the board cannot take to {@code contacts.dlq} with its original key and value and
 * {@link DeadLetterHeaders}, the format of SmallRye's dead-letter strategy, so operators see one format. The batch consumer needs this itself: SmallRye's strategy would
 * dead-letter the whole batch.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<byte[]> emitter;

    public DeadLetters(@Channel("dead-letters") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, byte[]> record, Throwable failure) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                failure.getMessage());
        emitter.send(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(DeadLetterHeaders.of(record, failure)).build())
                .withNack(error -> {
                    LOG.errorf(error, "Dead letter %s-%d@%d not published", record.topic(),
                            record.partition(), record.offset());
                    return CompletableFuture.completedFuture(null);
                }));
    }
}
