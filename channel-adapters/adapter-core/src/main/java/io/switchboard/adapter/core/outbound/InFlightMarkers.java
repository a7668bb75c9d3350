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
 * second store is needed. Before a provider is called for the record at offset {@code o}, the loop commits
 * offset {@code o} (the record itself is not done) with the metadata {@code inflight:<replyId>}; once the outcome
 * is on {@code contacts.delivery} it commits {@code o + 1} without metadata. If the adapter stops in between, the
 * partition's next owner resumes at {@code o}, finds the note here when the partition is assigned, and reports the
 * reply {@code UNCONFIRMED} instead of sending it a second time.
 */
@ApplicationScoped
@Identifier(InFlightMarkers.NAME)
@IfBuildProperty(name = OutboundDelivery.ENABLED, stringValue = "true")
public class InFlightMarkers implements KafkaConsumerRebalanceListener {

    /** The name {@code mp.messaging.incoming.contacts-outbound.consumer-rebalance-listener.name} refers to. */
    public static final String NAME = "contacts-outbound-in-flight";
    private static final String PREFIX = "inflight:";

    private final Map<TopicPartition, OffsetAndMetadata> atAssignment = new ConcurrentHashMap<>();

    /** What the loop commits before calling the provider for the record at {@code offset}. */
    public static OffsetAndMetadata inFlight(long offset, String replyId) {
        return new OffsetAndMetadata(offset, PREFIX + replyId);
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
     * Whether this record was being sent when its partition's previous owner stopped. Asked for the first record
     * of a partition after its assignment (the one at the committed offset), so the note is used up by the asking.
     */
    boolean wasInFlight(TopicPartition partition, long offset, String replyId) {
        OffsetAndMetadata note = atAssignment.remove(partition);
        return note != null && note.offset() == offset && note.metadata().equals(PREFIX + replyId);
    }
}
