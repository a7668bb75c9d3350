package io.switchboard.adapter.core.publish;

import io.quarkus.arc.properties.IfBuildProperty;
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
 * Publishes a customer leaving before an agent took the contact — a caller hanging up in the queue, a store
 * visitor leaving — as an {@code ABANDONED} {@link LifecycleEvent} on {@code contacts.abandoned}, keyed by
 * contact id and acknowledged like a contact. The work-service consumes it and announces the abandon on
 * {@code contacts.lifecycle} itself, once it has settled the work item. Only the adapters that enable the
 * channel build it: in the others its Kafka producer would sit idle.
 */
@ApplicationScoped
@IfBuildProperty(name = "mp.messaging.outgoing.contacts-abandoned.enabled", stringValue = "true")
public class AbandonPublisher {

    private final MutinyEmitter<LifecycleEvent> emitter;

    public AbandonPublisher(@org.eclipse.microprofile.reactive.messaging.Channel("contacts-abandoned")
            MutinyEmitter<LifecycleEvent> emitter) {
        this.emitter = emitter;
    }

    /**
     * The event id is derived from the contact, so a redelivered callback yields the same event and consumers
     * count one abandon.
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
