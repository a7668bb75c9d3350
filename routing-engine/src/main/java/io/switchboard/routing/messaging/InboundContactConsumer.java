package io.switchboard.routing.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.Record;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.routing.service.ContactRouter;
import io.switchboard.routing.service.RoutingMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Routes every contact from {@code contacts.inbound} to {@code contacts.routed}, keyed by customer key. The
 * incoming record is acknowledged only when Kafka acknowledged the routed event, so its offset is committed only
 * then; a crash in between redelivers the contact, and its deterministic contact id makes the repeat harmless
 * downstream. The value is read as text and parsed here, so a message that is not a contact fails like any other
 * poison message: it is nacked, SmallRye's dead-letter-queue strategy writes it with the error to
 * {@code contacts.dlq}, and the partition moves on.
 */
@ApplicationScoped
public class InboundContactConsumer {

    private static final Logger LOG = Logger.getLogger(InboundContactConsumer.class);

    private final ContactRouter router;
    private final RoutingMetrics metrics;
    private final ObjectMapper mapper;

    public InboundContactConsumer(ContactRouter router, RoutingMetrics metrics, ObjectMapper mapper) {
        this.router = router;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    @Incoming("contacts-inbound")
    @Outgoing("contacts-routed")
    public Record<String, ContactRouted> route(String payload) {
        ContactReceived contact = parse(payload);
        ContactRouted routed;
        try {
            routed = router.route(contact);
        } catch (RuntimeException e) {
            metrics.deadLettered(contact.channel(), "classification");
            LOG.errorf(e, "Contact %s could not be routed; it goes to the dead letter topic", contact.contactId());
            throw new PoisonContactException("routing failed: " + e, e);
        }
        LOG.debugf("Contact %s routed to %s", contact.contactId(), routed.office());
        return Record.of(contact.customer().key(), routed);
    }

    private ContactReceived parse(String payload) {
        try {
            if (payload == null) {
                throw new IllegalArgumentException("empty message");
            }
            ContactReceived contact = mapper.readValue(payload, ContactReceived.class);
            if (contact == null || contact.contactId() == null || contact.channel() == null
                    || contact.customer() == null) {
                throw new IllegalArgumentException("a contact needs contactId, channel and customer");
            }
            return contact;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            metrics.deadLettered(null, "unreadable");
            String error = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            LOG.warnf("Unreadable message on contacts.inbound goes to the dead letter topic: %s", error);
            throw new PoisonContactException("not a ContactReceived: " + error, e);
        }
    }
}
