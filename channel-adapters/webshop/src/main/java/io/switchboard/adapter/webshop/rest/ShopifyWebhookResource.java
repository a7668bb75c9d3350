package io.switchboard.adapter.webshop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
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

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/** Shopify webhooks (docs/architecture.md §4). Created at start, so a missing secret stops the adapter there. */
@Path(ShopifyWebhookResource.ENDPOINT)
@Singleton
@Startup
public class ShopifyWebhookResource implements DeliveryMapping {

    static final String ENDPOINT = "/webhooks/shopify";
    static final String TOPIC = "X-Shopify-Topic";
    static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    static final String ORDER_CREATED = "orders/create";

    private final SignatureKey secret;
    private final WebhookPayloads payloads;
    private final WebshopContacts contacts;
    private final PlacedOrders orders;
    private final SignedDeliveries deliveries;

    public ShopifyWebhookResource(@ConfigProperty(name = "switchboard.shopify.secret") Optional<String> secret,
            WebhookPayloads payloads, WebshopContacts contacts, PlacedOrders orders, SignedDeliveries deliveries) {
        this.secret = SignatureScheme.SHOPIFY.key(WebhookSecret.required(secret, "SWITCHBOARD_SHOPIFY_SECRET"));
        this.payloads = payloads;
        this.contacts = contacts;
        this.orders = orders;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "Shopify order, refund and return webhooks, signed X-Shopify-Hmac-Sha256 (new orders also on "
            + "contacts.orders)")
    public Uni<Void> receive(byte[] body, @RestHeader("X-Shopify-Hmac-Sha256") String signature,
            @RestHeader(TOPIC) String topic, @RestHeader(WEBHOOK_ID) String webhookId) {
        secret.verify(body, signature);
        Map<String, String> headers = new HashMap<>();
        putIfPresent(headers, TOPIC, topic);
        putIfPresent(headers, WEBHOOK_ID, webhookId);
        return deliveries.accept(new SignedDelivery(ENDPOINT, headers, body), WebshopContacts.SHOPIFY, this);
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(ENDPOINT);
    }

    /**
     * The provider message id is the topic and a digest of the signed body, not the unsigned
     * {@code X-Shopify-Webhook-Id}: Shopify's retries resend the same body, so they map to the same contact, and
     * nobody can mint new contacts by replaying a captured body under fresh webhook ids. A new order is also an
     * {@code OrderPlaced}.
     */
    @Override
    public Uni<Void> map(SignedDelivery delivery) {
        String topic = require(delivery.header(TOPIC), TOPIC + " header");
        JsonNode payload = payloads.json(delivery.body(), JsonNode.class);
        ShopOrder order = ShopOrder.fromShopify(payload);
        Uni<Void> contact = contacts.publishIfServiceWork(WebshopContacts.SHOPIFY,
                topic + ":" + WebshopContacts.digest(delivery.body()), topic, order, ShopEvents.shopify(topic, order));
        return ORDER_CREATED.equals(topic)
                ? orders.publish(WebshopContacts.SHOPIFY, order, Purchase.fromShopify(payload), contact) : contact;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
