package io.switchboard.work.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.DeadLetterHeaders;
import io.switchboard.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes a record that can never be stored to {@code contacts.dlq} with its original key and value and
 * {@link DeadLetterHeaders}, the format of SmallRye's dead-letter strategy, so operators see one format. A batch consumer needs this itself: SmallRye's strategy would
 * dead-letter the whole batch.
 */
@ApplicationScoped
public class DeadLetters {

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged the dead letter. */
    public Uni<Void> send(ConsumerRecord<String, String> record, Throwable failure) {
        return emitter.sendMessage(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.CONTACTS_DLQ).withKey(record.key())
                .withHeaders(DeadLetterHeaders.of(record, failure)).build()));
    }
}
