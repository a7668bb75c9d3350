package io.switchboard.work.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.work.repository.ReplyRepository;
import io.switchboard.work.service.Replies;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * What became of the replies, as the adapters report it on {@code contacts.delivery} (their sends and the
 * providers' status webhooks), one record at a time: it is little traffic, and a send and the provider's later
 * statuses share a key (the provider's message id), so they come in order on one partition. Acknowledged after the
 * database committed; unreadable records are dead-lettered.
 */
@ApplicationScoped
public class DeliveryStatusConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveryStatusConsumer.class);

    private final Replies replies;
    private final DatabaseRetry retry;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    public DeliveryStatusConsumer(Replies replies, DatabaseRetry retry, DeadLetters deadLetters, ObjectMapper mapper) {
        this.replies = replies;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming("contacts-delivery")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        ReplyStatus status;
        try {
            status = mapper.readValue(record.value() == null ? "null" : record.value(), ReplyStatus.class);
        } catch (JsonProcessingException e) {
            return deadLetters.send(record, new IllegalArgumentException("not a ReplyStatus: "
                    + e.getOriginalMessage(), e));
        }
        if (status == null || status.state() == null || status.eventId() == null || status.occurredAt() == null
                || (status.replyId() == null && status.providerMessageId() == null)) {
            return deadLetters.send(record, new IllegalArgumentException(
                    "not a ReplyStatus with eventId, state, occurredAt and a replyId or providerMessageId"));
        }
        return retry.run("Delivery status " + status.eventId(), () -> replies.deliveryStatus(status))
                .invoke(applied -> {
                    if (applied.outcome() == ReplyRepository.Outcome.UNKNOWN && status.replyId() != null) {
                        // Not lost (the record stays on the topic), but nothing here can show it: worth a look.
                        LOG.warnf("Delivery status %s names reply %s, which this service does not know",
                                status.eventId(), status.replyId());
                    } else {
                        LOG.debugf("Delivery status %s (%s): %s", status.eventId(), status.state(), applied.outcome());
                    }
                })
                .replaceWithVoid()
                .onFailure(DatabaseRetry::isPermanent)
                .recoverWithUni(e -> deadLetters.send(record, e));
    }
}
