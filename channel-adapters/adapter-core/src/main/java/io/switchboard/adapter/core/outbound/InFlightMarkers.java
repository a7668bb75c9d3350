package io.switchboard.adapter.core.outbound;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable "in flight" note of {@link OutboundDelivery}, kept in the consumer group's committed offsets so no
 * second store is needed. Before a provider is called for the adapter's records at offsets {@code first} to
 * {@code last} of a poll, the loop commits offset {@code first} (those records are not done) with the metadata
 * {@code inflight:<last>}; once their outcomes are on {@code contacts.delivery} it commits the offset after the poll's
 * last record without metadata. If the adapter stops in between, the partition's next owner resumes at
 * {@code first}, finds the note here when the partition is assigned, and reports the adapter's records up to
 * {@code last} {@code UNCONFIRMED} instead of sending them a second time.
 */
@ApplicationScoped
@Identifier(InFlightMarkers.NAME)
@IfBuildProperty(name = OutboundDelivery.ENABLED, stringValue = "true")
public class InFlightMarkers implements KafkaConsumerRebalanceListener {

    /** The name {@code mp.messaging.incoming.contacts-outbound.consumer-rebalance-listener.name} refers to. */
    public static final String NAME = "contacts-outbound-in-flight";
    private static final String PREFIX = "inflight:";

    private final Map<TopicPartition, OffsetAndMetadata> atAssignment = new ConcurrentHashMap<>();

    /** What the loop commits before calling the provider for its records at offsets {@code first} to {@code last}. */
    public static OffsetAndMetadata inFlight(long first, long last) {
        return new OffsetAndMetadata(first, PREFIX + last);
    }

    static OffsetAndMetadata done(long offset) {
        return new OffsetAndMetadata(offset + 1);
    }

    /**
     * Runs on the polling thread before the partitions' first records are handed out. A failure to read the
     * committed offsets propagates and stops the channel: resuming without knowing could send a reply twice.
     */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        consumer.committed(new HashSet<>(partitions)).forEach((partition, committed) -> {
            if (committed != null && committed.metadata().startsWith(PREFIX)) {
                atAssignment.put(partition, committed);
            } else {
                atAssignment.remove(partition);
            }
        });
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(atAssignment::remove);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(atAssignment::remove);
    }

    /**
     * Whether the record at {@code offset} was being sent when its partition's previous owner stopped. The note is
     * kept until the partition is revoked: records the loop settled since are known to it and not asked about.
     */
    boolean wasInFlight(TopicPartition partition, long offset) {
        OffsetAndMetadata note = atAssignment.get(partition);
        return note != null && offset >= note.offset() && offset <= last(note);
    }

    /** The note's last offset; a note from before notes covered a poll names a reply id and covers its offset alone. */
    private static long last(OffsetAndMetadata note) {
        String last = note.metadata().substring(PREFIX.length());
        return last.chars().allMatch(Character::isDigit) && !last.isEmpty() ? Long.parseLong(last) : note.offset();
    }
}
