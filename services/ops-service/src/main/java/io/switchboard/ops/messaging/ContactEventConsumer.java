package io.switchboard.ops.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.switchboard.contracts.ChannelMetrics;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.Topics;
import io.switchboard.ops.alerts.ComplaintSurge;
import io.switchboard.ops.metrics.ChannelBoard;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;

/**
 * Feeds every contact event into the {@link ChannelBoard}, a whole poll of all four topics at a time: one consumer
 * and one message per poll instead of one per event. Each ops-service instance reads all partitions of these
 * topics from the beginning with a group of its own (see application.properties): the board lives in memory, so
 * every instance must see every event, and a restart rebuilds it by replay. A record that cannot be read or
 * applied goes to {@code contacts.dlq} alone; the rest of its batch counts.
 */
@ApplicationScoped
public class ContactEventConsumer {

    private final ChannelBoard board;
    private final ComplaintSurge complaints;
    private final ReplayProgress progress;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Map<String, Consumer<byte[]>> byTopic;

    public ContactEventConsumer(ChannelBoard board, ComplaintSurge complaints, ReplayProgress progress,
            DeadLetters deadLetters, Clock clock, ObjectMapper mapper) {
        this.board = board;
        this.complaints = complaints;
        this.progress = progress;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.byTopic = Map.of(
                Topics.CONTACTS_INBOUND, handler(mapper, ContactReceived.class,
                        contact -> board.received(contact, clock.instant())),
                Topics.CONTACTS_ROUTED, handler(mapper, ContactRouted.class, this::routed),
                Topics.CONTACTS_LIFECYCLE, handler(mapper, LifecycleEvent.class,
                        event -> board.lifecycle(event, clock.instant())),
                Topics.CHANNEL_METRICS, handler(mapper, ChannelMetrics.class, board::reported));
    }

    @Incoming("contact-events")
    public void consume(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                byTopic.get(record.topic()).accept(record.value());
            } catch (RuntimeException e) {
                deadLetters.send(record, e);
            }
        }
        records.partitions().forEach(partition -> {
            List<ConsumerRecord<String, byte[]>> read = records.records(partition);
            progress.consumed(partition, read.get(read.size() - 1).offset());
        });
    }

    private void routed(ContactRouted routed) {
        if (board.routed(routed, clock.instant())) {
            complaints.record(routed);
        }
    }

    /** Reads the record's JSON straight into its contract record (no tree in between) and applies it. */
    private static <T> Consumer<byte[]> handler(ObjectMapper mapper, Class<T> type, Consumer<T> effect) {
        ObjectReader reader = mapper.readerFor(type);
        return json -> {
            if (json == null) {
                throw new IllegalArgumentException("record without a value");
            }
            try {
                effect.accept(reader.readValue(json));
            } catch (IOException e) {
                throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        };
    }
}
