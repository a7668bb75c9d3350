package io.switchboard.routing.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.DeadLetterHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes a poison message to {@code contacts.dlq} as SmallRye's dead-letter-queue strategy would: the original
 * key and value with {@link DeadLetterHeaders}. The engine does it itself because it consumes in batches, and SmallRye's strategy would
 * dead-letter a whole batch for one bad message.
 */
@ApplicationScoped
public class DeadLetters {

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("contacts-dlq") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged the dead letter. */
    public Uni<Void> publish(KafkaRecord<String, String> poison, PoisonContactException reason) {
        IncomingKafkaRecordMetadata<?, ?> origin = poison.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        OutgoingKafkaRecordMetadata<String> destination = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(poison.getKey()).withHeaders(DeadLetterHeaders.of(origin.getTopic(), origin.getPartition(),
                        origin.getOffset(), origin.getHeaders(), reason))
                .build();
        return emitter.sendMessage(Message.of(poison.getPayload()).addMetadata(destination));
    }
}
