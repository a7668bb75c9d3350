package io.switchboard.adapter.webshop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.signature.WebhookSecret;
import io.switchboard.adapter.core.unmapped.DeliveryMapping;
import io.switchboard.adapter.core.unmapped.SignedDeliveries;
import io.switchboard.adapter.core.unmapped.SignedDelivery;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.webshop.service.PlacedOrders;
import io.switchboard.adapter.webshop.service.Purchase;
import io.switchboard.adapter.webshop.service.ShopEvents;
import io.switchboard.adapter.webshop.service.ShopOrder;
import io.switchboard.adapter.webshop.service.WebshopContacts;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/** WooCommerce webhooks (docs/architecture.md §4). Created at start, so a missing secret stops the adapter there. */
@Path(WooCommerceWebhookResource.ENDPOINT)
@Singleton
@Startup
public class WooCommerceWebhookResource implements DeliveryMapping {

    static final String ENDPOINT = "/webhooks/woocommerce";
    static final String TOPIC = "X-WC-Webhook-Topic";
    static final String ORDER_CREATED = "order.created";

    private final SignatureKey secret;
    private final WebhookPayloads payloads;
    private final WebshopContacts contacts;
    private final PlacedOrders orders;
    private final AdapterMetrics metrics;
    private final SignedDeliveries deliveries;

    public WooCommerceWebhookResource(@ConfigProperty(name = "switchboard.woocommerce.secret") Optional<String> secret,
            WebhookPayloads payloads, WebshopContacts contacts, PlacedOrders orders, AdapterMetrics metrics,
            SignedDeliveries deliveries) {
        this.secret = SignatureScheme.WOOCOMMERCE.key(WebhookSecret.required(secret, "SWITCHBOARD_WOOCOMMERCE_SECRET"));
        this.payloads = payloads;
        this.contacts = contacts;
        this.orders = orders;
        this.metrics = metrics;
        this.deliveries = deliveries;
    }

    /**
     * WooCommerce pings a new webhook with an unsigned form body {@code webhook_id=<n>} and keeps the webhook
     * only when that gets a 2xx; the ping carries nothing, so it is answered without a signature.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "WooCommerce order webhooks, signed X-WC-Webhook-Signature (new orders also on "
            + "contacts.orders); the creation ping gets 200")
    public Uni<Void> receive(byte[] body, @RestHeader("X-WC-Webhook-Signature") String signature,
            @RestHeader(TOPIC) String topic) {
        if (signature == null && isPing(body)) {
            metrics.ignored("ping");
            return Uni.createFrom().voidItem();
        }
        secret.verify(body, signature);
        return deliveries.accept(new SignedDelivery(ENDPOINT, topic == null ? Map.of() : Map.of(TOPIC, topic), body),
                WebshopContacts.WOOCOMMERCE, this);
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(ENDPOINT);
    }

    /**
     * WooCommerce's delivery id header is unsigned and differs per attempt; the order id and its modification time
     * are signed and identify this change of the order, so a redelivery maps to the same contact. A new order is
     * also an {@code OrderPlaced}.
     */
    @Override
    public Uni<Void> map(SignedDelivery delivery) {
        String topic = require(delivery.header(TOPIC), TOPIC + " header");
        JsonNode payload = payloads.json(delivery.body(), JsonNode.class);
        ShopOrder order = ShopOrder.fromWooCommerce(payload);
        String changed = order.updatedAt() != null ? order.updatedAt() : WebshopContacts.digest(delivery.body());
        String eventId = "order-" + require(order.orderId(), "id") + ":" + topic + ":" + changed;
        Uni<Void> contact = contacts.publishIfServiceWork(WebshopContacts.WOOCOMMERCE, eventId, topic, order,
                ShopEvents.wooCommerce(topic, order));
        return ORDER_CREATED.equals(topic)
                ? orders.publish(WebshopContacts.WOOCOMMERCE, order, Purchase.fromWooCommerce(payload), contact) : contact;
    }

    private static boolean isPing(byte[] body) {
        if (body.length > 64) {
            return false;
        }
        Map<String, List<String>> form = WebhookPayloads.form(body);
        return form.size() == 1 && form.getOrDefault("webhook_id", List.of()).stream().anyMatch(id -> id.matches("\\d+"));
    }
}
