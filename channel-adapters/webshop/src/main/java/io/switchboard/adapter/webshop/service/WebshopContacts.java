package io.switchboard.adapter.webshop.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.customer.CustomerKeys;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * Makes a webshop contact from an order event. The customer is known by phone or e-mail where the payload has
 * them; refund and return payloads only name the order, so then the order stands for the customer.
 */
@ApplicationScoped
public class WebshopContacts {

    public static final String SHOPIFY = "shopify";
    public static final String WOOCOMMERCE = "woocommerce";

    private final CustomerKeys customerKeys;
    private final ContactPublisher publisher;
    private final AdapterMetrics metrics;

    public WebshopContacts(CustomerKeys customerKeys, ContactPublisher publisher, AdapterMetrics metrics) {
        this.customerKeys = customerKeys;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * Publishes the event as a contact when it starts service work ({@code text} present), otherwise only counts
     * it.
     *
     * @param provider          {@code shopify} or {@code woocommerce}
     * @param providerMessageId what identifies this event across redeliveries
     */
    public Uni<Void> publishIfServiceWork(String provider, String providerMessageId, String topic, ShopOrder order,
            Optional<String> text) {
        if (text.isEmpty()) {
            metrics.ignored(topic);
            return Uni.createFrom().voidItem();
        }
        return publisher.publish(contact(provider, providerMessageId, topic, order, text.get()));
    }

    private ContactReceived contact(String provider, String providerMessageId, String topic, ShopOrder order, String text) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("topic", topic);
        put(metadata, "orderId", order.orderId());
        put(metadata, "orderNumber", order.orderNumber());
        put(metadata, "orderStatus", order.status());
        // where the reply goes (outbound.ReplyMail), also when the customer is known by phone
        put(metadata, "email", CustomerKeys.email(order.email()).orElse(null));
        return ContactReceived.of(Channel.WEBSHOP, provider, providerMessageId, Instant.now(),
                customer(provider, order), text, null, false, List.of(), metadata);
    }

    /** The customer as contacts and orders key them: by phone or e-mail, else by the order. */
    Customer customer(String provider, ShopOrder order) {
        if (customerKeys.phone(order.phone()).isEmpty() && CustomerKeys.email(order.email()).isEmpty()) {
            return CustomerKeys.byHandle(provider, "order-" + require(order.orderId(), "order id"), order.name());
        }
        return customerKeys.byPhoneOrEmail(order.phone(), order.email(), order.name());
    }

    /** A short digest of a signed body (SHA-256, base64url), for ids that must derive from signed content. */
    public static String digest(byte[] body) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
