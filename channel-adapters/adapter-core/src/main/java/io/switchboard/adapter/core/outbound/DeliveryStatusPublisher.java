package io.switchboard.adapter.core.outbound;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes what became of outbound messages on {@code contacts.delivery} (acks=all): the outbound consumer's
 * own outcomes and the providers' status webhooks. The returned {@link Uni} fails with a 503 rejection when Kafka
 * did not take it, so a status webhook is acknowledged to the provider only once its status is durable.
 */
@ApplicationScoped
public class DeliveryStatusPublisher {

    private final MutinyEmitter<ReplyStatus> emitter;

    public DeliveryStatusPublisher(
            @org.eclipse.microprofile.reactive.messaging.Channel("contacts-delivery") MutinyEmitter<ReplyStatus> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(ReplyStatus status) {
        Message<ReplyStatus> message = Message.of(status)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(status.key()).build());
        return emitter.sendMessage(message).onFailure().transform(WebhookRejectedException::unavailable);
    }

    /** Completes once Kafka took every one of a webhook's statuses; fails fast with the 503 rejection when not. */
    public static Uni<Void> publishAll(List<Uni<Void>> published) {
        return published.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(published).andFailFast().replaceWithVoid();
    }

    /**
     * The outbound loop's outcome for a message. The event id is derived from the reply and the state, so
     * publishing it again after a failed offset commit gives the same event.
     */
    public ReplyStatus outcome(OutboundMessage message, String provider, DeliveryState state, String providerMessageId,
            String error) {
        return new ReplyStatus(ReplyStatus.SCHEMA_VERSION, eventId(message.replyId(), state.name()), message.replyId(),
                message.channel(), provider, providerMessageId, state, error, Instant.now());
    }

    /**
     * A provider's status webhook about a message it accepted earlier. {@code providerEventId} identifies the
     * webhook's status entry so a redelivered webhook gives the same event id.
     */
    public Uni<Void> providerReported(Channel channel, String provider, String providerMessageId, DeliveryState state,
            String error, Instant occurredAt, String providerEventId) {
        return publish(new ReplyStatus(ReplyStatus.SCHEMA_VERSION, eventId(provider, providerEventId), null, channel,
                provider, providerMessageId, state, error, occurredAt));
    }

    private static String eventId(String scope, String id) {
        return UUID.nameUUIDFromBytes((scope + ':' + id).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
