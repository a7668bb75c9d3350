package io.switchboard.routing.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.routing.service.ContactRouter;
import io.switchboard.routing.service.RoutingMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Routes {@code contacts.inbound} to {@code contacts.routed} a poll's batch at a time, keyed by customer key.
 * Every record of the batch is routed and sent, in order, and the batch is acknowledged (its offsets committed)
 * only when Kafka acknowledged every event it produced; a crash in between redelivers the batch, and the
 * deterministic contact ids make the repeats harmless downstream. A record that is not a routable contact is
 * poison: it goes alone, with the error, to {@code contacts.dlq} ({@link DeadLetters}) and the rest of the batch is
 * routed. When Kafka does not take an event for a passing reason (the producer gave up after its own retries: a
 * broker away for longer than {@code delivery.timeout.ms}), the send is tried again with back-off until it is taken
 * — the contact was acknowledged to its gateway, so it is neither dropped nor dead-lettered, and the batch waits.
 * When Kafka refuses it for good (a record too large, say), or a dead letter cannot be written, the batch is nacked
 * and the channel's {@code fail} strategy stops the consumer, so the health check says so and its partitions are
 * redelivered from the last commit.
 */
@ApplicationScoped
public class InboundContactConsumer {

    private static final Logger LOG = Logger.getLogger(InboundContactConsumer.class);
    private static final Duration FIRST_RESEND = Duration.ofMillis(500);
    private static final Duration LAST_RESEND = Duration.ofSeconds(10);

    private final ContactRouter router;
    private final RoutingMetrics metrics;
    private final ObjectMapper mapper;
    private final MutinyEmitter<ContactRouted> routed;
    private final DeadLetters deadLetters;

    public InboundContactConsumer(ContactRouter router, RoutingMetrics metrics, ObjectMapper mapper,
            @Channel("contacts-routed") MutinyEmitter<ContactRouted> routed, DeadLetters deadLetters) {
        this.router = router;
        this.metrics = metrics;
        this.mapper = mapper;
        this.routed = routed;
        this.deadLetters = deadLetters;
    }

    // Blocking (ordered, one batch after the other): a batch is CPU work that must not hold an event loop.
    @Incoming("contacts-inbound")
    @Blocking
    public Uni<Void> route(KafkaRecordBatch<String, String> batch) {
        List<Uni<Void>> deliveries = batch.getRecords().stream().map(this::route).toList();
        metrics.batch(deliveries.size());
        // Uni.join subscribes in list order, so each partition's events are sent in the order they came in.
        return Uni.join().all(deliveries).andFailFast()
                .onItem().transformToUni(delivered -> Uni.createFrom().completionStage(batch::ack))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "A batch of %d contacts could not be delivered; it is not acknowledged",
                            deliveries.size());
                    return Uni.createFrom().completionStage(() -> batch.nack(failure));
                });
    }

    /** The delivery of one record's outcome: its routed event, or the record itself as a dead letter. */
    private Uni<Void> route(KafkaRecord<String, String> record) {
        try {
            ContactReceived contact = parse(record.getPayload());
            ContactRouted decision = route(contact);
            // The emitter sends on subscription, so each retry is a new send of the same event.
            return Uni.createFrom().deferred(() -> routed.sendMessage(Message.of(decision).addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(contact.customer().key()).build())))
                    .onFailure(InboundContactConsumer::passing).invoke(failure -> LOG.warnf(
                            "Contact %s not taken by Kafka yet, sending again: %s", contact.contactId(), failure))
                    .onFailure(InboundContactConsumer::passing).retry().withBackOff(FIRST_RESEND, LAST_RESEND)
                    .indefinitely();
        } catch (PoisonContactException e) {
            return deadLetters.publish(record, e);
        }
    }

    private static boolean passing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private ContactRouted route(ContactReceived contact) {
        try {
            ContactRouted decision = router.route(contact);
            LOG.debugf("Contact %s routed to %s", contact.contactId(), decision.office());
            return decision;
        } catch (RuntimeException e) {
            metrics.deadLettered(contact.channel(), "classification");
            LOG.errorf(e, "Contact %s could not be routed; it goes to the dead letter topic", contact.contactId());
            throw new PoisonContactException("routing failed: " + e, e);
        }
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
