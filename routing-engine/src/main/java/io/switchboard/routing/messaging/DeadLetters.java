package io.switchboard.routing.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

/**
 * Writes a poison message to {@code contacts.dlq} as SmallRye's dead-letter-queue strategy would: the original
 * key and value, the error and where the message came from in the {@code dead-letter-*} headers, then the
 * original headers. The engine does it itself because it consumes in batches, and SmallRye's strategy would
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
        RecordHeaders headers = new RecordHeaders();
        add(headers, DEAD_LETTER_EXCEPTION_CLASS_NAME, reason.getClass().getName());
        add(headers, DEAD_LETTER_REASON, reason.getMessage());
        if (reason.getCause() != null) {
            add(headers, DEAD_LETTER_CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
            add(headers, DEAD_LETTER_CAUSE, String.valueOf(reason.getCause().getMessage()));
        }
        add(headers, DEAD_LETTER_TOPIC, origin.getTopic());
        add(headers, DEAD_LETTER_PARTITION, Integer.toString(origin.getPartition()));
        add(headers, DEAD_LETTER_OFFSET, Long.toString(origin.getOffset()));
        origin.getHeaders().forEach(headers::add);
        OutgoingKafkaRecordMetadata<String> destination = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(poison.getKey()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(poison.getPayload()).addMetadata(destination));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
