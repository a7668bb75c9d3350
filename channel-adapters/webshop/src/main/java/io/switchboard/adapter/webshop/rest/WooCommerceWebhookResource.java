package io.switchboard.adapter.webshop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.webshop.service.ShopEvents;
import io.switchboard.adapter.webshop.service.ShopOrder;
import io.switchboard.adapter.webshop.service.WebshopContacts;
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

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/** WooCommerce webhooks (design §4). */
@Path("/webhooks/woocommerce")
public class WooCommerceWebhookResource {

    private final SignatureKey secret;
    private final WebhookPayloads payloads;
    private final WebshopContacts contacts;
    private final AdapterMetrics metrics;

    public WooCommerceWebhookResource(@ConfigProperty(name = "switchboard.woocommerce.secret") String secret,
            WebhookPayloads payloads, WebshopContacts contacts, AdapterMetrics metrics) {
        this.secret = SignatureScheme.WOOCOMMERCE.key(secret);
        this.payloads = payloads;
        this.contacts = contacts;
        this.metrics = metrics;
    }

    /**
     * WooCommerce pings a new webhook with an unsigned form body {@code webhook_id=<n>} and keeps the webhook
     * only when that gets a 2xx; the ping carries nothing, so it is answered without a signature.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "WooCommerce order webhooks, signed X-WC-Webhook-Signature; the creation ping gets 200")
    public Uni<Void> receive(byte[] body, @RestHeader("X-WC-Webhook-Signature") String signature,
            @RestHeader("X-WC-Webhook-Topic") String topic) {
        if (signature == null && isPing(body)) {
            metrics.ignored("ping");
            return Uni.createFrom().voidItem();
        }
        secret.verify(body, signature);
        require(topic, "X-WC-Webhook-Topic header");
        ShopOrder order = ShopOrder.fromWooCommerce(payloads.json(body, JsonNode.class));
        // WooCommerce gives no stable delivery id; the order's modification time identifies this change of it.
        String eventId = "order-" + require(order.orderId(), "id") + ":" + topic + ":" + order.updatedAt();
        return contacts.publishIfServiceWork("woocommerce", eventId, topic, order, ShopEvents.wooCommerce(topic, order));
    }

    private static boolean isPing(byte[] body) {
        if (body.length > 64) {
            return false;
        }
        Map<String, List<String>> form = WebhookPayloads.form(body);
        return form.size() == 1 && form.getOrDefault("webhook_id", List.of()).stream().anyMatch(id -> id.matches("\\d+"));
    }
}
