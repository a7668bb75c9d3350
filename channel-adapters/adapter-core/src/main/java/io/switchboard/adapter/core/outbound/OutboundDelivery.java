package io.switchboard.adapter.core.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The adapter's outbound loop: takes each {@link OutboundMessage} from {@code contacts.outbound} that one of the
 * adapter's {@link OutboundSender}s delivers, sends it on a worker thread, one record at a time, and publishes the
 * outcome on {@code contacts.delivery}: {@code SENT} with the provider's message id, {@code FAILED} with the
 * provider's error (at once for a refusal, after back-off for transient failures), or {@code UNCONFIRMED} when an
 * earlier run stopped while sending it ({@link InFlightMarkers}). Records for other adapters' senders are skipped.
 * An offset is committed only once the outcome is durable, so a Kafka outage holds the loop instead of losing a
 * status.
 *
 * <p>Built only in adapters that set {@value #ENABLED}{@code =true} (README, "How replies go out").
 */
@ApplicationScoped
@IfBuildProperty(name = OutboundDelivery.ENABLED, stringValue = "true")
public class OutboundDelivery {

    public static final String CHANNEL = "contacts-outbound";
    public static final String ENABLED = "mp.messaging.incoming." + CHANNEL + ".enabled";
    static final String STOPPED_WHILE_SENDING = "the adapter stopped while sending; not sent again";

    private static final Logger LOG = Logger.getLogger(OutboundDelivery.class);
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(15);
    /**
     * Every adapter reads every reply; another channel's record changes nothing here, so its position is committed
     * at most this often per partition instead of once per record (a synchronous commit by each of the five
     * adapters for every reply took more CPU than the replies themselves: docs/benchmarks.md). A restart reads the
     * few skipped since the last commit again and skips them again.
     */
    private static final Duration SKIPPED_COMMIT_INTERVAL = Duration.ofSeconds(5);

    private final List<OutboundSender> senders;
    private final DeliveryStatusPublisher statuses;
    private final InFlightMarkers markers;
    private final KafkaClientService kafka;
    private final ObjectMapper mapper;
    private final AdapterMetrics metrics;
    private final OutboundConfig.Retry retry;
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** Per partition, the last record whose outcome this consumer published. */
    private final Map<TopicPartition, Long> settled = new ConcurrentHashMap<>();
    /** Per partition, when a skipped record's position was last committed ({@link System#nanoTime()}). */
    private final Map<TopicPartition, Long> skippedCommittedAt = new ConcurrentHashMap<>();

    public OutboundDelivery(Instance<OutboundSender> senders, DeliveryStatusPublisher statuses,
            @Identifier(InFlightMarkers.NAME) InFlightMarkers markers, KafkaClientService kafka, ObjectMapper mapper,
            AdapterMetrics metrics, OutboundConfig config) {
        this.senders = senders.stream().toList();
        this.statuses = statuses;
        this.markers = markers;
        this.kafka = kafka;
        this.mapper = mapper;
        this.metrics = metrics;
        this.retry = config.retry();
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void deliver(ConsumerRecord<String, String> record) {
        try {
            settle(record);
        } catch (Stopping e) {
            LOG.infof("Stopping: %s-%d@%d left as committed for the next start", record.topic(), record.partition(),
                    record.offset());
        }
    }

    private void settle(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Optional<OutboundMessage> read = read(record);
        Optional<OutboundSender> sender = read.flatMap(this::senderOf);
        if (sender.isEmpty()) {
            skip(partition, record.offset());
            return;
        }
        if (record.offset() <= settled.getOrDefault(partition, -1L)) {
            // Fetched again after the partition came back to this consumer (a rebalance, a broker restart) before
            // its final commit: the outcome is already published, so it is neither sent again nor UNCONFIRMED.
            commit(partition, InFlightMarkers.done(record.offset()));
            return;
        }
        OutboundMessage message = read.get();
        String provider = sender.get().provider(message);
        ReplyStatus outcome;
        if (markers.wasInFlight(partition, record.offset(), message.replyId())) {
            outcome = statuses.outcome(message, provider, DeliveryState.UNCONFIRMED, null, STOPPED_WHILE_SENDING);
        } else if (commit(partition, InFlightMarkers.inFlight(record.offset(), message.replyId()))) {
            outcome = send(sender.get(), message, provider);
        } else {
            return;
        }
        untilDone("publish " + outcome.state() + " of reply " + message.replyId(), () -> {
            statuses.publish(outcome).await().atMost(KAFKA_WAIT);
            return true;
        });
        metrics.replied(message.channel(), provider, outcome.state());
        settled.put(partition, record.offset());
        commit(partition, InFlightMarkers.done(record.offset()));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    private Optional<OutboundMessage> read(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(mapper.readValue(record.value(), OutboundMessage.class));
        } catch (JsonProcessingException e) {
            // Only the work-service writes this topic; a record it cannot have meant is skipped, not retried forever.
            LOG.errorf("Skipping unreadable outbound record %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private Optional<OutboundSender> senderOf(OutboundMessage message) {
        return senders.stream().filter(sender -> sender.delivers(message)).findFirst();
    }

    /** Calls the provider, retrying transient failures with back-off until the time allowed is used up. */
    private ReplyStatus send(OutboundSender sender, OutboundMessage message, String provider) {
        RetryBackoff backoff = RetryBackoff.of(retry);
        while (true) {
            try {
                return statuses.outcome(message, provider, DeliveryState.SENT, sender.send(message), null);
            } catch (ProviderException e) {
                Optional<Duration> delay = e.retryable() ? backoff.next() : Optional.empty();
                if (delay.isEmpty()) {
                    return statuses.outcome(message, provider, DeliveryState.FAILED, null, e.getMessage());
                }
                LOG.warnf("Reply %s via %s failed (%s); retrying in %s", message.replyId(), provider, e.getMessage(),
                        delay.get());
                pause(delay.get());
            } catch (RuntimeException e) {
                // Not the provider's answer but a fault in the sender: whether the request left is not known.
                LOG.errorf(e, "Sender of reply %s failed", message.replyId());
                return statuses.outcome(message, provider, DeliveryState.UNCONFIRMED, null,
                        Objects.requireNonNullElse(e.getMessage(), e.toString()));
            }
        }
    }

    /**
     * @return false when the partition has moved to another consumer of the group meanwhile (a rebalance): the
     *         record is then no longer this consumer's to settle; its new owner resumes at the committed offset
     */
    private void skip(TopicPartition partition, long offset) {
        long now = System.nanoTime();
        Long last = skippedCommittedAt.get(partition);
        if ((last == null || now - last >= SKIPPED_COMMIT_INTERVAL.toNanos())
                && commit(partition, InFlightMarkers.done(offset))) {
            skippedCommittedAt.put(partition, now);
        }
    }

    private boolean commit(TopicPartition partition, OffsetAndMetadata position) {
        KafkaConsumer<String, String> consumer = kafka.getConsumer(CHANNEL);
        return untilDone("commit " + partition + "@" + position.offset(), () -> {
            if (!consumer.getAssignments().await().atMost(KAFKA_WAIT).contains(partition)) {
                LOG.infof("Partition %s moved to another consumer; offset %d is its to commit", partition,
                        position.offset());
                return false;
            }
            consumer.commit(Map.of(partition, position)).await().atMost(KAFKA_WAIT);
            return true;
        });
    }

    /** Kafka has to come back before this record can be settled, and the next one must wait for it. */
    private boolean untilDone(String what, BooleanSupplier action) {
        RetryBackoff backoff = RetryBackoff.endless(retry);
        while (true) {
            try {
                return action.getAsBoolean();
            } catch (RuntimeException e) {
                Duration delay = backoff.next().orElseThrow();
                LOG.warnf("Could not %s (%s); retrying in %s", what, e, delay);
                pause(delay);
            }
        }
    }

    /**
     * Waits, unless the adapter is stopping: then the record is left as it is (in flight if the provider may have
     * been called) for the partition's next owner.
     */
    private void pause(Duration delay) {
        try {
            if (stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Stopping();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopping();
        }
    }

    /** Ends the handling of a record without settling it: the adapter is shutting down. */
    private static final class Stopping extends RuntimeException {

        Stopping() {
            super("the adapter is stopping", null, false, false);
        }
    }
}
