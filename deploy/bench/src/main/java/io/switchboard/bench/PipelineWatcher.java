package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows the contacts one driver sent through the pipeline on Kafka: when each was routed ({@code contacts.routed})
 * and queued, i.e. stored and pullable ({@code QUEUED}, or {@code MESSAGE_JOINED} for a follow-up, on
 * {@code contacts.lifecycle}). Contacts sent by anyone else,
 * such as the backlog of an earlier phase, are left out. Per-stage lag comes from the events' own timestamps:
 * webhook sent → routed (engine) → queued (work-service). The contact's {@code receivedAt} is the provider's own
 * message time, so it is not used as a stage boundary.
 */
final class PipelineWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final LoadDriver driver;
    private final Map<String, Instant> routedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> queuedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong lastQueuedNanos = new AtomicLong();
    private volatile Runnable onQueued = () -> { };
    private final Thread thread;
    final Latencies webhookToQueued = new Latencies();
    final Latencies webhookToRouted = new Latencies();
    final Latencies routedToQueued = new Latencies();

    PipelineWatcher(String bootstrapServers, LoadDriver driver) {
        this.driver = driver;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = List.of(Topics.CONTACTS_ROUTED, Topics.CONTACTS_LIFECYCLE).stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before the load begins
        thread = new Thread(this::follow, "pipeline-watcher");
        thread.start();
    }

    private void follow() {
        while (running.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                try {
                    JsonNode event = Json.mapper().readTree(record.value());
                    if (record.topic().equals(Topics.CONTACTS_ROUTED)) {
                        onRouted(event);
                    } else if ("QUEUED".equals(event.path("type").asText())) {
                        onQueued(event.path("contactId").asText(), event);
                    } else if ("MESSAGE_JOINED".equals(event.path("type").asText())) {
                        // A follow-up of a customer with an open conversation joins that item: pullable with it.
                        onQueued(event.path("details").path("messageContactId").asText(), event);
                    }
                } catch (IOException e) {
                    // Not ours to judge here: the services send poison to the DLQ themselves.
                }
            }
        }
        consumer.close();
    }

    private void onRouted(JsonNode event) {
        String contactId = event.path("contact").path("contactId").asText();
        Instant routed = Instant.parse(event.path("routedAt").asText());
        Instant sent = driver.sentAt(contactId);
        if (sent != null && routedAt.putIfAbsent(contactId, routed) == null) {
            webhookToRouted.recordNanos(Duration.between(sent, routed).toNanos());
        }
    }

    private void onQueued(String contactId, JsonNode event) {
        Instant queued = Instant.parse(event.path("occurredAt").asText());
        Instant sent = driver.sentAt(contactId);
        if (sent == null || queuedAt.putIfAbsent(contactId, queued) != null) {
            return;
        }
        lastQueuedNanos.set(System.nanoTime());
        onQueued.run();
        webhookToQueued.recordNanos(Duration.between(sent, queued).toNanos());
        Instant routed = routedAt.get(contactId);
        if (routed != null) {
            routedToQueued.recordNanos(Duration.between(routed, queued).toNanos());
        }
    }

    long queued() {
        return queuedAt.size();
    }

    /** Runs {@code listener} each time one of the driver's contacts is first queued. */
    void onQueued(Runnable listener) {
        onQueued = listener;
    }

    /** How many were queued by {@code end}, by the time the work-service stamped on their QUEUED event. */
    long queuedBy(Instant end) {
        return queuedAt.values().stream().filter(queued -> !queued.isAfter(end)).count();
    }

    /**
     * Waits until {@code expected} contacts are queued, {@code bound} has passed, or nothing new was queued for
     * {@code quiet} (the pipeline is stuck: waiting longer would only delay the verdict).
     */
    void awaitQueued(long expected, Duration bound, Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        lastQueuedNanos.compareAndSet(0, System.nanoTime());
        while (queued() < expected && System.nanoTime() < deadline
                && System.nanoTime() - lastQueuedNanos.get() < quiet.toNanos()) {
            Thread.sleep(50);
        }
    }

    /** When the last contact was queued, as nanoTime. */
    long lastQueuedNanos() {
        return lastQueuedNanos.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
