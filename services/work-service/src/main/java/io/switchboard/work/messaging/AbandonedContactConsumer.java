package io.switchboard.work.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.work.repository.AbandonRepository;
import io.switchboard.work.service.WorkMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Locale;

/**
 * Customers who left before an agent answered, as the phone and store adapters report them on
 * {@code contacts.abandoned}: the item leaves its queue and {@code ABANDONED} is published on
 * {@code contacts.lifecycle} with the other steps. An abandon that arrives before its contact is kept and takes
 * effect when the contact arrives. Acknowledged after the database committed; unreadable records are dead-lettered.
 */
@ApplicationScoped
public class AbandonedContactConsumer {

    private static final Logger LOG = Logger.getLogger(AbandonedContactConsumer.class);

    private final AbandonRepository abandons;
    private final OutboxRelay relay;
    private final DatabaseRetry retry;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;
    private final WorkMetrics metrics;
    private final Clock clock;

    public AbandonedContactConsumer(AbandonRepository abandons, OutboxRelay relay, DatabaseRetry retry,
            DeadLetters deadLetters, ObjectMapper mapper, WorkMetrics metrics, Clock clock) {
        this.abandons = abandons;
        this.relay = relay;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Incoming("contacts-abandoned")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        LifecycleEvent event;
        try {
            event = mapper.readValue(record.value() == null ? "null" : record.value(), LifecycleEvent.class);
        } catch (JsonProcessingException e) {
            return deadLetters.send(record, new IllegalArgumentException("not a LifecycleEvent: "
                    + e.getOriginalMessage(), e));
        }
        if (event == null || event.type() != LifecycleEventType.ABANDONED || event.contactId() == null) {
            return deadLetters.send(record, new IllegalArgumentException(
                    "not an ABANDONED lifecycle event with a contactId"));
        }
        return retry.run("Abandonment of " + event.contactId(), () -> abandons.abandon(event.contactId(),
                        event.occurredAt() != null ? event.occurredAt() : clock.instant(), event.details()))
                .invoke(outcome -> {
                    if (outcome == AbandonRepository.Outcome.ABANDONED) {
                        relay.publishPending();
                    }
                    metrics.abandon(outcome.name().toLowerCase(Locale.ROOT));
                    LOG.debugf("Contact %s abandoned: %s", event.contactId(), outcome);
                })
                .replaceWithVoid()
                .onFailure(DatabaseRetry::isPermanent)
                .recoverWithUni(e -> deadLetters.send(record, e));
    }
}
