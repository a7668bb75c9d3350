package io.switchboard.adapter.social.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.outbound.DeliveryStatusPublisher;
import io.switchboard.adapter.core.webhook.ProviderTime;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.DeliveryState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Delivery and read receipts for the messages Switchboard sent, published as {@code ReplyStatus} per message id on
 * {@code contacts.delivery}: Messenger's delivery receipts, Instagram's and X's read receipts. Messenger's
 * {@code read} receipt names no message, only a watermark ("everything before this time"): without a message id
 * there is no reply to attach it to, so it is counted ({@code read-watermark}) and not published.
 */
@ApplicationScoped
public class SocialReceipts {

    private final DeliveryStatusPublisher statuses;
    private final AdapterMetrics metrics;

    public SocialReceipts(DeliveryStatusPublisher statuses, AdapterMetrics metrics) {
        this.statuses = statuses;
        this.metrics = metrics;
    }

    /** Completes once Kafka took every status in the notification; fails with the 503 rejection when it did not. */
    public Uni<Void> publish(MetaNotification notification) {
        String provider = "instagram".equals(notification.object()) ? "instagram" : "facebook";
        List<Uni<Void>> published = new ArrayList<>();
        for (MetaNotification.Entry entry : listOf(notification.entry())) {
            for (MetaNotification.Messaging event : listOf(entry.messaging())) {
                Instant at = ProviderTime.of(event.timestamp(), Instant.now());
                if (event.delivery() != null) {
                    for (String mid : listOf(event.delivery().mids())) {
                        published.add(status(provider, mid, DeliveryState.DELIVERED, at));
                    }
                }
                if (event.read() != null) {
                    if (event.read().mid() != null) {
                        published.add(status(provider, event.read().mid(), DeliveryState.READ, at));
                    } else {
                        metrics.ignored("read-watermark");
                    }
                }
            }
        }
        return DeliveryStatusPublisher.publishAll(published);
    }

    /**
     * X's read receipts ({@code direct_message_mark_read_events}): the customer read the conversation up to
     * {@code last_read_event_id}, which is READ. Receipts of the account reading the customer's messages are not ours.
     */
    public Uni<Void> publish(XActivity activity) {
        List<Uni<Void>> published = new ArrayList<>();
        for (XActivity.ReadReceipt receipt : listOf(activity.directMessageMarkReadEvents())) {
            if (receipt.lastReadEventId() == null || Objects.equals(receipt.senderId(), activity.forUserId())) {
                metrics.ignored("own-read-receipt");
                continue;
            }
            published.add(status("x", receipt.lastReadEventId(), DeliveryState.READ,
                    ProviderTime.of(receipt.createdTimestamp(), Instant.now())));
        }
        return DeliveryStatusPublisher.publishAll(published);
    }

    private Uni<Void> status(String provider, String messageId, DeliveryState state, Instant at) {
        metrics.deliveryStatus(state.name().toLowerCase(Locale.ROOT));
        // One receipt per message and state: a redelivered webhook gives the same event id.
        return statuses.providerReported(Channel.SOCIAL, provider, messageId, state, null, at, messageId + ":" + state);
    }

    private static <T> List<T> listOf(List<T> list) {
        return Objects.requireNonNullElse(list, List.of());
    }
}
