package io.switchboard.ops.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a record the board cannot take to {@code contacts.dlq} with its original key and value and the headers
 * SmallRye's dead-letter strategy writes ({@code dead-letter-reason}, {@code -topic}, {@code -partition},
 * {@code -offset}), so operators see one format. The batch consumer needs this itself: SmallRye's strategy would
 * dead-letter the whole batch.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<byte[]> emitter;

    public DeadLetters(@Channel("dead-letters") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        emitter.send(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(headers).build())
                .withNack(failure -> {
                    LOG.errorf(failure, "Dead letter %s-%d@%d not published", record.topic(),
                            record.partition(), record.offset());
                    return CompletableFuture.completedFuture(null);
                }));
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
