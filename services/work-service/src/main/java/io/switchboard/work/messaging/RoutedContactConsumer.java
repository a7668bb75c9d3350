package io.switchboard.work.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.work.service.WorkIntake;
import io.switchboard.work.service.WorkMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Queues every routed contact from {@code contacts.routed}. The record is acknowledged, and its offset committed,
 * only after the transaction that stored the work item committed; a redelivery finds the contact already recorded
 * and changes nothing. A message that is not a routed contact is poison: it is nacked and SmallRye's
 * dead-letter-queue strategy writes it with the error to {@code contacts.dlq}. A database that is away is waited
 * for ({@link DatabaseRetry}).
 */
@ApplicationScoped
public class RoutedContactConsumer {

    private static final Logger LOG = Logger.getLogger(RoutedContactConsumer.class);

    private final WorkIntake intake;
    private final DatabaseRetry retry;
    private final WorkMetrics metrics;
    private final ObjectMapper mapper;

    public RoutedContactConsumer(WorkIntake intake, DatabaseRetry retry, WorkMetrics metrics, ObjectMapper mapper) {
        this.intake = intake;
        this.retry = retry;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    @Incoming("contacts-routed")
    public Uni<Void> consume(String payload) {
        ContactRouted routed;
        try {
            routed = parse(payload);
        } catch (PoisonMessageException e) {
            metrics.routedContact("unknown", "dead-lettered");
            LOG.warnf("Unreadable message on contacts.routed goes to the dead letter topic: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return retry.run("Contact " + routed.contactId(), () -> intake.take(routed)).invoke(outcome -> {
            metrics.routedContact(routed.channel().name(), outcome.name().toLowerCase(java.util.Locale.ROOT));
            LOG.debugf("Contact %s: %s", routed.contactId(), outcome);
        }).replaceWithVoid();
    }

    private ContactRouted parse(String payload) {
        try {
            if (payload == null) {
                throw new IllegalArgumentException("empty message");
            }
            ContactRouted routed = mapper.readValue(payload, ContactRouted.class);
            if (routed == null || routed.contact() == null || routed.contact().contactId() == null
                    || routed.contact().channel() == null || routed.contact().customer() == null
                    || routed.office() == null) {
                throw new IllegalArgumentException("a routed contact needs contact.contactId, channel, customer and office");
            }
            return routed;
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("not a ContactRouted: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("not a ContactRouted: " + e.getMessage(), e);
        }
    }
}
