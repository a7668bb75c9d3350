package io.switchboard.adapter.core.publish;

import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.contracts.ContactReceived;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Map;

/**
 * Publishes contacts on {@code contacts.inbound}, keyed by customer key so one customer's contacts stay in
 * order. The returned {@link Uni} completes only when Kafka acknowledged the record (acks=all), and fails with a
 * 503 rejection when it did not, so a webhook is answered 2xx only for what is durably stored. Fields are cut to
 * the work-service's column sizes first ({@link ContactLengths}). Started with the application, so the producer
 * is built and the topic's partitions are known before the first webhook ({@link TopicProducer}).
 */
@Startup
@ApplicationScoped
public class ContactPublisher {

    private final TopicProducer<ContactReceived> producer;
    private final AdapterMetrics metrics;

    public ContactPublisher(Config config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            OpenTelemetry openTelemetry, AdapterMetrics metrics) {
        this.producer = TopicProducer.start("contacts-inbound", config, kafka,
                openTelemetry.getPropagators().getTextMapPropagator());
        this.metrics = metrics;
    }

    public Uni<Void> publish(ContactReceived contact) {
        ContactReceived fitted = ContactLengths.fit(contact);
        Timer.Sample sample = metrics.startPublish();
        return producer.send(fitted.customer().key(), fitted)
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

    @PreDestroy
    void close() {
        producer.close();
    }
}
