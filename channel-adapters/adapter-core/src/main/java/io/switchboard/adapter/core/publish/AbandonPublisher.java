package io.switchboard.adapter.core.publish;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import org.eclipse.microprofile.reactive.messaging.Message;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * Publishes what a gateway tells about a contact after it was received — a caller hanging up in the queue, a
 * store visitor leaving — on {@code contacts.lifecycle}, keyed by contact id, acknowledged like a contact.
 */
@ApplicationScoped
public class LifecyclePublisher {

    private final MutinyEmitter<LifecycleEvent> emitter;

    public LifecyclePublisher(@org.eclipse.microprofile.reactive.messaging.Channel("contacts-lifecycle")
            MutinyEmitter<LifecycleEvent> emitter) {
        this.emitter = emitter;
    }

    /**
     * The customer left before an agent took the contact. The event id is derived from the contact, so a
     * redelivered callback yields the same event and consumers count one abandon.
     */
    public Uni<Void> abandoned(Channel channel, String providerMessageId, Instant occurredAt, Map<String, String> details) {
        String contactId = ContactIds.of(channel, providerMessageId);
        LifecycleEvent event = new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION,
                ContactIds.of(channel, providerMessageId + "#" + LifecycleEventType.ABANDONED),
                LifecycleEventType.ABANDONED, contactId, channel, null, null, null, null, occurredAt, details);
        return emitter.sendMessage(Message.of(event)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(contactId).build()))
                .onFailure().transform(WebhookRejectedException::unavailable);
    }
}
