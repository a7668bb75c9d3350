package io.switchboard.adapter.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads a topic of the real broker from its beginning and picks the events of one test. */
public final class InboundTopic {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final KafkaCompanion companion;
    private final String topic;

    public InboundTopic(KafkaCompanion companion, String topic) {
        this.companion = companion;
        this.topic = topic;
    }

    /**
     * The records whose value has one of {@code ids} as its {@code idField}, once at least {@code expected} are
     * there or {@code within} has passed; then waits a little longer so that surplus records show up too.
     * With {@code expected} 0 it always reads for the whole of {@code within}.
     */
    public List<ConsumerRecord<String, String>> records(String idField, Collection<String> ids, int expected,
            Duration within) {
        ConsumerTask<String, String> task = companion.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic);
        try {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || matching(task, idField, ids).size() < expected)) {
                sleep(100);
            }
            sleep(expected == 0 ? 0 : 500);
            return matching(task, idField, ids);
        } finally {
            task.stop();
        }
    }

    public static String field(ConsumerRecord<String, String> record, String name) {
        try {
            return MAPPER.readTree(record.value()).path(name).asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> matching(ConsumerTask<String, String> task, String idField,
            Collection<String> ids) {
        return task.getRecords().stream().filter(record -> {
            String id = field(record, idField);
            // Immutable sets refuse to be asked about null, and a record may lack the field (a status without replyId).
            return id != null && ids.contains(id);
        }).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
