package io.switchboard.adapter.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic of the real broker from its beginning and picks the events of one test. It reads every partition
 * itself, without a consumer group, so no group has to form before the first record comes.
 */
public final class InboundTopic {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Duration POLL = Duration.ofMillis(100);
    /** Generous: reading a test broker's topic to its end takes well under a second even on a loaded machine. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaCompanion companion;
    private final String topic;

    public InboundTopic(KafkaCompanion companion, String topic) {
        this.companion = companion;
        this.topic = topic;
    }

    /**
     * The records whose value has one of {@code ids} as its {@code idField}, once at least {@code expected} are
     * there or {@code within} has passed; then reads a little longer so that surplus records show up too.
     * With {@code expected} 0 it always reads for the whole of {@code within}. For what a consumer or a timer
     * publishes in its own time; what a request published before it was answered is read at once by {@link #upToNow}.
     */
    public List<ConsumerRecord<String, String>> records(String idField, Collection<String> ids, int expected,
            Duration within) {
        try (KafkaConsumer<String, String> consumer = fromTheBeginning()) {
            List<ConsumerRecord<String, String>> matching = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || matching.size() < expected)) {
                poll(consumer, idField, ids, matching);
            }
            long surplus = System.nanoTime() + Duration.ofMillis(expected == 0 ? 0 : 500).toNanos();
            while (System.nanoTime() < surplus) {
                poll(consumer, idField, ids, matching);
            }
            return matching;
        }
    }

    /**
     * The records whose value has one of {@code ids} as its {@code idField}, read up to the end of every partition as
     * it is now. Whatever an adapter published before it answered a request (acks=all) lies below that end, so this
     * sees all a request produced, and nothing it produced can arrive later: no waiting for records that should not
     * come, no extra wait for surplus ones.
     */
    public List<ConsumerRecord<String, String>> upToNow(String idField, Collection<String> ids) {
        try (KafkaConsumer<String, String> consumer = fromTheBeginning()) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), READ_TIMEOUT);
            List<ConsumerRecord<String, String>> matching = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (end.entrySet().stream().anyMatch(at -> consumer.position(at.getKey(), READ_TIMEOUT) < at.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " not read up to " + end + " within " + READ_TIMEOUT);
                }
                poll(consumer, idField, ids, matching);
            }
            return matching;
        }
    }

    public static String field(ConsumerRecord<String, String> record, String name) {
        try {
            return MAPPER.readTree(record.value()).path(name).asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A consumer of every partition of the topic, at its beginning. */
    private KafkaConsumer<String, String> fromTheBeginning() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, companion.getBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        assignAll(consumer);
        return consumer;
    }

    private void assignAll(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private void poll(KafkaConsumer<String, String> consumer, String idField, Collection<String> ids,
            List<ConsumerRecord<String, String>> matching) {
        if (consumer.assignment().isEmpty()) {
            // no such topic yet: nothing was ever published on it
            sleep(POLL);
            assignAll(consumer);
            return;
        }
        consumer.poll(POLL).forEach(record -> {
            String id = field(record, idField);
            // Immutable sets refuse to be asked about null, and a record may lack the field (a status without replyId).
            if (id != null && ids.contains(id)) {
                matching.add(record);
            }
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
