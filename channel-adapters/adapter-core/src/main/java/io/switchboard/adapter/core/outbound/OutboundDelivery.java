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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The adapter's outbound loop: takes each poll of {@code contacts.outbound}, and per partition, in order, sends on a
 * worker thread each {@link OutboundMessage} that one of the adapter's {@link OutboundSender}s delivers, and
 * publishes the outcomes on {@code contacts.delivery}: {@code SENT} with the provider's message id, {@code FAILED}
 * with the provider's error (at once for a refusal, after back-off for transient failures), or {@code UNCONFIRMED}
 * when an earlier run stopped while sending it ({@link InFlightMarkers}). Records for other adapters' senders are
 * skipped. An offset is committed only once the outcomes before it are durable, so a Kafka outage holds the loop
 * instead of losing a status.
 * <p>
 * A poll is settled as a whole, per partition: one in-flight note before the first send, the statuses published
 * together, one commit after them. One record at a time, with two commits and a publish awaited for each, every
 * adapter settled about 40 records a second, and all five read every record: a burst of calls connected to agents
 * or of surveys queued for minutes (docs/benchmarks.md).
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
     * Every adapter reads every reply; a poll of other channels' records changes nothing here, so its position is
     * committed at most this often per partition instead of once per poll. A restart reads the few skipped since
     * the last commit again and skips them again.
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
    public void deliver(ConsumerRecords<String, String> poll) {
        for (TopicPartition partition : poll.partitions()) {
            List<ConsumerRecord<String, String>> records = poll.records(partition);
            try {
                settle(partition, records);
            } catch (Stopping e) {
                LOG.infof("Stopping: %s from offset %d left as committed for the next start", partition,
                        records.get(0).offset());
                return;
            }
        }
    }

    private void settle(TopicPartition partition, List<ConsumerRecord<String, String>> records) {
        long last = records.get(records.size() - 1).offset();
        long settledThrough = settled.getOrDefault(partition, -1L);
        List<Outbound> own = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            // A record fetched again after the partition came back to this consumer (a rebalance, a broker restart)
            // before its final commit has its outcome published already: it is neither sent again nor UNCONFIRMED.
            if (record.offset() > settledThrough) {
                read(record).ifPresent(message -> senderOf(message)
                        .ifPresent(sender -> own.add(new Outbound(record.offset(), message, sender))));
            }
        }
        if (own.isEmpty()) {
            skip(partition, last, settledThrough >= records.get(0).offset());
            return;
        }
        if (!commit(partition, InFlightMarkers.inFlight(own.get(0).offset(), own.get(own.size() - 1).offset()))) {
            return;
        }
        List<ReplyStatus> outcomes = new ArrayList<>();
        for (Outbound outbound : own) {
            if (stopping.getCount() == 0) {
                stopBefore(partition, outcomes, outbound.offset(), false);
            }
            String provider = outbound.sender().provider(outbound.message());
            try {
                outcomes.add(markers.wasInFlight(partition, outbound.offset())
                        ? statuses.outcome(outbound.message(), provider, DeliveryState.UNCONFIRMED, null,
                                STOPPED_WHILE_SENDING)
                        : send(outbound.sender(), outbound.message(), provider));
            } catch (Stopping e) {
                stopBefore(partition, outcomes, outbound.offset(), true);
            }
        }
        untilDone("publish the statuses of " + outcomes.size() + " replies", () -> {
            publish(outcomes);
            return true;
        });
        settled.put(partition, own.get(own.size() - 1).offset());
        commit(partition, InFlightMarkers.done(last));
    }

    /**
     * The adapter stops before the record at {@code offset} is settled: the outcomes so far are published and the
     * note narrowed to that record if its provider may have been called ({@code inFlight}, a stop during the
     * back-off between tries), so the replies after it are sent by the next start instead of being reported
     * UNCONFIRMED. One try each: when Kafka fails now, the note as committed stands.
     */
    private void stopBefore(TopicPartition partition, List<ReplyStatus> outcomes, long offset, boolean inFlight) {
        try {
            publish(outcomes);
            kafka.getConsumer(CHANNEL).commit(Map.of(partition, inFlight ? InFlightMarkers.inFlight(offset, offset)
                    : new OffsetAndMetadata(offset))).await().atMost(KAFKA_WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("Stopping: could not narrow the in-flight note of %s (%s)", partition, e);
        }
        throw new Stopping();
    }

    private void publish(List<ReplyStatus> outcomes) {
        DeliveryStatusPublisher.publishAll(outcomes.stream().map(statuses::publish).toList()).await()
                .atMost(KAFKA_WAIT);
        outcomes.forEach(outcome -> metrics.replied(outcome.channel(), outcome.provider(), outcome.state()));
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
     * Commits past a poll with none of this adapter's records, at most every {@link #SKIPPED_COMMIT_INTERVAL};
     * at once when the poll only repeated settled records, whose final commit is still owed.
     */
    private void skip(TopicPartition partition, long last, boolean owed) {
        long now = System.nanoTime();
        Long lastCommit = skippedCommittedAt.get(partition);
        if ((owed || lastCommit == null || now - lastCommit >= SKIPPED_COMMIT_INTERVAL.toNanos())
                && commit(partition, InFlightMarkers.done(last))) {
            skippedCommittedAt.put(partition, now);
        }
    }

    /**
     * @return false when the partition has moved to another consumer of the group meanwhile (a rebalance): the
     *         records are then no longer this consumer's to settle; its new owner resumes at the committed offset
     */
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

    /** One of the adapter's records in a poll, with the sender that delivers it. */
    private record Outbound(long offset, OutboundMessage message, OutboundSender sender) {
    }

    /** Ends the handling of a record without settling it: the adapter is shutting down. */
    private static final class Stopping extends RuntimeException {

        Stopping() {
            super("the adapter is stopping", null, false, false);
        }
    }
}
