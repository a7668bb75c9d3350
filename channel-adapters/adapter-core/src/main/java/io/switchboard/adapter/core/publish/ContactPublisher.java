package io.switchboard.adapter.core.publish;

import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.contracts.ContactReceived;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * Publishes contacts on {@code contacts.inbound}, keyed by customer key so one customer's contacts stay in
 * order. The returned {@link Uni} completes only when Kafka acknowledged the record (acks=all), and fails with a
 * 503 rejection when it did not, so a webhook is answered 2xx only for what is durably stored. Fields are cut to
 * the work-service's column sizes first ({@link ContactLengths}).
 */
@ApplicationScoped
public class ContactPublisher {

    private final MutinyEmitter<ContactReceived> emitter;
    private final AdapterMetrics metrics;

    public ContactPublisher(@Channel("contacts-inbound") MutinyEmitter<ContactReceived> emitter, AdapterMetrics metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    public Uni<Void> publish(ContactReceived contact) {
        ContactReceived fitted = ContactLengths.fit(contact);
        Message<ContactReceived> message = Message.of(fitted)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(fitted.customer().key()).build());
        Timer.Sample sample = metrics.startPublish();
        return emitter.sendMessage(message)
                .onItem().invoke(() -> {
                    metrics.published(sample, true);
                    metrics.received();
                })
                .onFailure().transform(failure -> {
                    metrics.published(sample, false);
                    return WebhookRejectedException.unavailable(failure);
                });
    }

    /**
     * Publishes every contact of a batch webhook; completes when all are acknowledged. When one fails the
     * gateway redelivers the whole batch, and the contacts already stored come again with the same contact id.
     */
    public Uni<Void> publishAll(List<ContactReceived> contacts) {
        if (contacts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(contacts.stream().map(this::publish).toList()).andFailFast().replaceWithVoid();
    }
}
