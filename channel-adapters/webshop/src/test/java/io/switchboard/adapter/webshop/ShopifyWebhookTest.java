package io.switchboard.adapter.webshop;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.core.testing.WebhookDelivery;
import io.switchboard.adapter.webshop.service.WebshopContacts;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class ShopifyWebhookTest extends WebshopContractTest {

    private static final String SECRET = "local-shopify-secret";

    @Override
    protected WebhookDelivery signedContact(String unique) {
        return delivery("orders/cancelled", unique, """
                {"id":820982911946154508,"name":"#1001","email":"Jan@Example.com","cancel_reason":"customer",
                 "financial_status":"voided","token":"%s",
                 "customer":{"first_name":"Jan","last_name":"Jansen","email":"jan@example.com"}}
                """.formatted(unique));
    }

    @Override
    protected WebhookDelivery signedUnmappable(String unique) {
        return delivery("orders/create", unique, "{\"id\":{\"nested\":\"" + unique + "\"},\"note\":\"waar is het?\"}");
    }

    @Override
    protected WebhookDelivery signedBody(byte[] body) {
        return delivery("orders/create", unique(), new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void cancellationIsAContactOfTheCustomerByEmail() {
        WebhookDelivery delivery = signedContact(unique());
        delivery.post().statusCode(200);
        List<ConsumerRecord<String, String>> records = published(delivery, 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("email:jan@example.com");
        assertThat(records.get(0).value()).contains("\"text\":\"Cancelled order #1001 (reason: customer)\"")
                .contains("\"provider\":\"shopify\"").contains("\"topic\":\"orders/cancelled\"")
                // what the e-mail reply needs (outbound.ReplyMail)
                .contains("\"email\":\"jan@example.com\"").contains("\"orderNumber\":\"#1001\"");
    }

    @Test
    void refundWithoutCustomerDetailsIsKnownByItsOrder() {
        WebhookDelivery delivery = delivery("refunds/create", unique(), """
                {"id":929361462,"order_id":450789469,"note":"Product arrived damaged"}
                """);
        delivery.post().statusCode(200);
        List<ConsumerRecord<String, String>> records = published(delivery, 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("handle:shopify:order-450789469");
        assertThat(records.get(0).value()).contains("Refund for order 450789469: Product arrived damaged");
    }

    @Test
    void topicsThatStartNoServiceWorkAreAcknowledgedOnly() {
        WebhookDelivery paid = delivery("orders/paid", unique(), "{\"id\":1,\"email\":\"jan@example.com\"}");
        paid.post().statusCode(200);
        WebhookDelivery noteless = delivery("orders/create", unique(), "{\"id\":2,\"email\":\"jan@example.com\"}");
        noteless.post().statusCode(200);
        assertThat(published(paid, 0)).isEmpty();
        assertThat(published(noteless, 0)).isEmpty();
    }

    /** The webhook id header is not signed: a captured body replayed under fresh ids must not mint new contacts. */
    @Test
    void sameSignedBodyUnderAnotherWebhookIdIsTheSameContact() {
        String unique = unique();
        WebhookDelivery original = signedContact(unique);
        WebhookDelivery replayed = delivery("orders/cancelled", "forged-" + unique,
                new String(original.body(), java.nio.charset.StandardCharsets.UTF_8));
        original.post().statusCode(200);
        replayed.post().statusCode(200);
        assertThat(replayed.contactIds()).isEqualTo(original.contactIds());
        assertThat(published(original, 2).stream().map(r -> InboundTopic.field(r, "contactId")).distinct())
                .containsExactlyElementsOf(original.contactIds());
    }

    /**
     * Shopify's documented orders/create sample carries a cancel_reason and no note: that reason is not what the
     * customer wrote, so it is no contact (it was one, with the reason as its "note") and nothing is kept unmapped.
     */
    @Test
    void documentedOrderCreatedWithACancelReasonIsNoContact() {
        WebhookDelivery delivery = delivery("orders/create", unique(), sample("shopify-orders-create.json",
                String.valueOf(System.nanoTime())));
        delivery.post().statusCode(200);
        assertThat(published(delivery, 0)).isEmpty();
        assertThat(unmapped(delivery, 0)).isEmpty();
    }

    /** A provider's documented sample from test resources, with {@code {{id}}} made unique. */
    private static String sample(String name, String id) {
        try (java.io.InputStream in = ShopifyWebhookTest.class.getResourceAsStream("/providers/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip().replace("{{id}}", id);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WebhookDelivery delivery(String topic, String webhookId, String body) {
        byte[] bytes = utf8(body);
        return new WebhookDelivery("/webhooks/shopify", "application/json", bytes,
                Map.of("X-Shopify-Hmac-Sha256", SignatureScheme.SHOPIFY.sign(SECRET, bytes), "X-Shopify-Topic", topic,
                        "X-Shopify-Webhook-Id", webhookId, "X-Shopify-Shop-Domain", "switchboard-test.myshopify.com"),
                "X-Shopify-Hmac-Sha256", List.of(ContactIds.of(Channel.WEBSHOP, topic + ":" + WebshopContacts.digest(bytes))));
    }
}
