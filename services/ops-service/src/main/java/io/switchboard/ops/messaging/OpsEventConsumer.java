package io.switchboard.ops.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.Alert;
import io.switchboard.contracts.ChannelMetrics;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.UnmappedDelivery;
import io.switchboard.ops.alerts.AlertBook;
import io.switchboard.ops.alerts.ComplaintSurge;
import io.switchboard.ops.corrections.RoutingCorrections;
import io.switchboard.ops.metrics.ChannelBoard;
import io.switchboard.ops.unmapped.UnmappedDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Feeds every topic the ops-service reads into its views, a whole poll at a time: one consumer and one message per
 * poll instead of one per event. Each ops-service instance reads all partitions from the beginning with a group of
 * its own (see application.properties): the board lives in memory, so every instance must see every event, and a
 * restart rebuilds it by replay. A record that cannot be read or applied (not JSON, the wrong shape, a schema
 * version this service does not know, no value) goes to {@code contacts.dlq} alone; the rest of its batch counts.
 */
@ApplicationScoped
public class OpsEventConsumer {

    private static final EventContract<ContactReceived> RECEIVED = new EventContract<>(ContactReceived.class,
            ContactReceived.SCHEMA_VERSION, ContactReceived::schemaVersion,
            contact -> contact.contactId() != null && contact.channel() != null);
    private static final EventContract<ContactRouted> ROUTED = new EventContract<>(ContactRouted.class,
            ContactRouted.SCHEMA_VERSION, ContactRouted::schemaVersion,
            routed -> routed.contact() != null && routed.contactId() != null && routed.channel() != null);
    private static final EventContract<LifecycleEvent> LIFECYCLE = new EventContract<>(LifecycleEvent.class,
            LifecycleEvent.SCHEMA_VERSION, LifecycleEvent::schemaVersion,
            event -> event.contactId() != null && event.type() != null);
    private static final EventContract<ChannelMetrics> REPORTED = new EventContract<>(ChannelMetrics.class,
            ChannelMetrics.SCHEMA_VERSION, ChannelMetrics::schemaVersion, metrics -> metrics.channel() != null
                    && metrics.source() != null && metrics.windowStart() != null && metrics.windowEnd() != null);
    private static final EventContract<UnmappedDelivery> UNMAPPED = new EventContract<>(UnmappedDelivery.class,
            UnmappedDelivery.SCHEMA_VERSION, UnmappedDelivery::schemaVersion,
            delivery -> delivery.deliveryId() != null && delivery.channel() != null);
    private static final EventContract<ClassificationCorrection> CORRECTION = new EventContract<>(
            ClassificationCorrection.class, ClassificationCorrection.SCHEMA_VERSION,
            ClassificationCorrection::schemaVersion, correction -> correction.contactId() != null
                    && correction.routedRst() != null && correction.rst() != null && correction.routedIntent() != null
                    && correction.intent() != null && correction.source() != null && correction.correctedAt() != null);
    private static final EventContract<Alert> ALERT = new EventContract<>(Alert.class, Alert.SCHEMA_VERSION,
            Alert::schemaVersion, alert -> alert.alertId() != null && alert.kind() != null && alert.state() != null
                    && alert.key() != null);

    private final ChannelBoard board;
    private final ComplaintSurge complaints;
    private final ReplayProgress progress;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final RoutingCorrections corrections;
    private final Map<String, Consumer<byte[]>> byTopic;

    public OpsEventConsumer(ChannelBoard board, ComplaintSurge complaints, AlertBook alerts,
            UnmappedDeliveries unmapped, RoutingCorrections corrections, ReplayProgress progress,
            DeadLetters deadLetters, Clock clock, ObjectMapper mapper) {
        this.board = board;
        this.complaints = complaints;
        this.progress = progress;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.corrections = corrections;
        this.byTopic = Map.of(
                Topics.CONTACTS_INBOUND, RECEIVED.handler(mapper, contact -> board.received(contact, clock.instant())),
                Topics.CONTACTS_ROUTED, ROUTED.handler(mapper, this::routed),
                Topics.CONTACTS_LIFECYCLE, LIFECYCLE.handler(mapper, event -> board.lifecycle(event, clock.instant())),
                Topics.CHANNEL_METRICS, REPORTED.handler(mapper, board::reported),
                Topics.CONTACTS_UNMAPPED, UNMAPPED.handler(mapper, unmapped::record),
                Topics.CONTACTS_CORRECTIONS, CORRECTION.handler(mapper, corrections::record),
                Topics.ALERTS, ALERT.handler(mapper, alerts::replayed));
    }

    @Incoming("ops-events")
    public void consume(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                if (isTombstone(record)) {
                    corrections.forget(record.key());
                    continue;
                }
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

    /** On the compacted corrections topic a keyed record without a value withdraws the contact's correction. */
    private static boolean isTombstone(ConsumerRecord<String, byte[]> record) {
        return record.value() == null && record.key() != null && record.topic().equals(Topics.CONTACTS_CORRECTIONS);
    }

    private void routed(ContactRouted routed) {
        if (board.routed(routed, clock.instant())) {
            complaints.record(routed);
        }
    }
}
