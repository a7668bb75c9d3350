package io.switchboard.work.privacy;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * Withdraws an erased customer's routing corrections: {@code contacts.corrections} is compacted and kept (the
 * routing engine retrains from all of it), and a correction carries the contact's text, so topic retention never
 * removes it. A tombstone per contact does, at the next compaction; the ops-service counts a withdrawn correction
 * no more. The channel has no configuration of its own: the Kafka connector is attached to it and each record names
 * its topic.
 */
@ApplicationScoped
public class WithdrawnCorrections {

    private final MutinyEmitter<Record<String, String>> emitter;

    public WithdrawnCorrections(@Channel("corrections-withdrawn") MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged a tombstone for every contact. */
    public Uni<Void> withdraw(List<String> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(contactIds.stream()
                        .map(contactId -> emitter.sendMessage(Message.of(Record.<String, String>of(contactId, null))
                                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                        .withTopic(Topics.CONTACTS_CORRECTIONS).build())))
                        .toList())
                .andFailFast().replaceWithVoid();
    }
}
