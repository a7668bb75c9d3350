package io.switchboard.adapter.webshop.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.webshop.service.ShopEvents;
import io.switchboard.adapter.webshop.service.ShopOrder;
import io.switchboard.adapter.webshop.service.WebshopContacts;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/** Shopify webhooks (design §4). */
@Path("/webhooks/shopify")
public class ShopifyWebhookResource {

    private final SignatureKey secret;
    private final WebhookPayloads payloads;
    private final WebshopContacts contacts;

    public ShopifyWebhookResource(@ConfigProperty(name = "switchboard.shopify.secret") String secret,
            WebhookPayloads payloads, WebshopContacts contacts) {
        this.secret = SignatureScheme.SHOPIFY.key(secret);
        this.payloads = payloads;
        this.contacts = contacts;
    }

    /**
     * Shopify retries a delivery with the same {@code X-Shopify-Webhook-Id}, which therefore is the provider
     * message id: a retry maps to the same contact.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "Shopify order, refund and return webhooks, signed X-Shopify-Hmac-Sha256")
    public Uni<Void> receive(byte[] body, @RestHeader("X-Shopify-Hmac-Sha256") String signature,
            @RestHeader("X-Shopify-Topic") String topic, @RestHeader("X-Shopify-Webhook-Id") String webhookId) {
        secret.verify(body, signature);
        require(topic, "X-Shopify-Topic header");
        require(webhookId, "X-Shopify-Webhook-Id header");
        ShopOrder order = ShopOrder.fromShopify(payloads.json(body, JsonNode.class));
        return contacts.publishIfServiceWork("shopify", webhookId, topic, order, ShopEvents.shopify(topic, order));
    }
}
