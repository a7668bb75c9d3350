package io.switchboard.adapter.webshop.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.contracts.OrderPlaced;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * Publishes every order placed in the shop as an {@link OrderPlaced} on {@code contacts.orders}, keyed by order id,
 * so the work-service can tell which next-best offers were taken. An order is never work: whether it also carries
 * a service question is {@link WebshopContacts}' business.
 */
@ApplicationScoped
public class PlacedOrders {

    private final MutinyEmitter<OrderPlaced> emitter;
    private final WebshopContacts contacts;

    public PlacedOrders(@Channel("contacts-orders") MutinyEmitter<OrderPlaced> emitter, WebshopContacts contacts) {
        this.emitter = emitter;
        this.contacts = contacts;
    }

    /**
     * Publishes the order alongside what else the webhook publishes ({@code contact}); the result completes when
     * Kafka acknowledged both, so the shop gets its 2xx only then and redelivers otherwise. The event id derives
     * from the order, so a redelivery is recognisably the same order.
     */
    public Uni<Void> publish(String provider, ShopOrder order, Purchase purchase, Uni<Void> contact) {
        String orderId = require(order.orderId(), "id");
        OrderPlaced placed = new OrderPlaced(OrderPlaced.SCHEMA_VERSION,
                UUID.nameUUIDFromBytes((provider + ":order:" + orderId).getBytes(StandardCharsets.UTF_8)).toString(),
                provider, orderId, contacts.customer(provider, order), purchase.lines(), purchase.total(),
                purchase.currency(), purchase.placedAt());
        Uni<Void> published = emitter.sendMessage(Message.of(placed)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(orderId).build()))
                .onFailure().transform(WebhookRejectedException::unavailable);
        return Uni.join().all(published, contact).andFailFast().replaceWithVoid();
    }
}
