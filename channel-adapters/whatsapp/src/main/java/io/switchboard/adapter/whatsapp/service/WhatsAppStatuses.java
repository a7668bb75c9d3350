package io.switchboard.adapter.whatsapp.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.outbound.DeliveryStatusPublisher;
import io.switchboard.adapter.core.webhook.ProviderTime;
import io.switchboard.adapter.whatsapp.service.WhatsAppNotification.Status;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.DeliveryState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;
import static io.switchboard.adapter.whatsapp.service.WhatsAppContacts.listOf;

/**
 * The {@code statuses[]} of a notification: what became of the messages Switchboard sent (sent, delivered, read,
 * failed with Meta's errors), each published as a {@code ReplyStatus} for the work-service and counted.
 */
@ApplicationScoped
public class WhatsAppStatuses {

    private static final Map<String, DeliveryState> STATES = Map.of("sent", DeliveryState.SENT,
            "delivered", DeliveryState.DELIVERED, "read", DeliveryState.READ, "failed", DeliveryState.FAILED);

    private final DeliveryStatusPublisher publisher;
    private final AdapterMetrics metrics;

    public WhatsAppStatuses(DeliveryStatusPublisher publisher, AdapterMetrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Completes once Kafka acknowledged every status of the notification. */
    public Uni<Void> publish(WhatsAppNotification notification) {
        List<Uni<Void>> published = new ArrayList<>();
        for (var entry : listOf(notification.entry())) {
            for (var change : listOf(entry.changes())) {
                listOf(change.value().statuses()).forEach(status -> published.add(publish(status)));
            }
        }
        return DeliveryStatusPublisher.publishAll(published);
    }

    private Uni<Void> publish(Status status) {
        String wamid = require(status.id(), "statuses[].id");
        String name = require(status.status(), "statuses[].status");
        metrics.deliveryStatus(name);
        DeliveryState state = STATES.get(name);
        if (state == null) {
            // Meta adds kinds now and then; one Switchboard does not know is counted, not guessed at.
            return Uni.createFrom().voidItem();
        }
        // wamid + status identifies the entry: Meta sends each status of a message once, and again only on redelivery.
        return publisher.providerReported(Channel.WHATSAPP, WhatsAppContacts.PROVIDER, wamid, state, errors(status),
                ProviderTime.of(status.timestamp(), Instant.now()), wamid + ":" + name);
    }

    /** "131047 Re-engagement message: Message failed to send because more than 24 hours have passed …" */
    private static String errors(Status status) {
        String text = listOf(status.errors()).stream()
                .map(error -> (error.code() == null ? "" : error.code() + " ")
                        + Objects.requireNonNullElse(error.title(), Objects.requireNonNullElse(error.message(), ""))
                        + (error.errorData() == null || error.errorData().details() == null ? ""
                                : ": " + error.errorData().details()))
                .map(String::strip)
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? null : text;
    }
}
