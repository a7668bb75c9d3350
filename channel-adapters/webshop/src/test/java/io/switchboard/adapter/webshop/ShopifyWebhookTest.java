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
import io.switchboard.contracts.OrderPlaced;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
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
        List<ConsumerRecord<String, String>> records = published(delivery);
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
        List<ConsumerRecord<String, String>> records = published(delivery);
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
        assertThat(published(paid)).isEmpty();
        assertThat(published(noteless)).isEmpty();
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
        assertThat(published(original).stream().map(r -> InboundTopic.field(r, "contactId")).distinct())
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
        assertThat(published(delivery)).isEmpty();
        assertThat(unmapped(delivery)).isEmpty();
    }

    /** Shopify's documented orders/create sample: the line's value is price × quantity, in the shop's currency. */
    @Test
    void documentedOrderCreatedIsAnOrderPlacedWithItsLinesAndTotal() {
        String id = String.valueOf(System.nanoTime());
        delivery("orders/create", unique(), sample("shopify-orders-create.json", id)).post().statusCode(200);

        List<OrderPlaced> orders = ordersPlaced(id);
        assertThat(orders).hasSize(1);
        OrderPlaced order = orders.get(0);
        assertThat(order.provider()).isEqualTo("shopify");
        assertThat(order.customer().key()).isEqualTo("email:jon@example.com");
        assertThat(order.lines())
                .containsExactly(new OrderPlaced.Line("IPod Nano - 8GB", null, 1, new BigDecimal("199.00")));
        assertThat(order.total()).isEqualByComparingTo("403.00");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2022-01-01T00:00:00Z"));
    }

    /** An order whose note is a question is a contact as before, and an order placed too, both before the 200. */
    @Test
    void orderWithAServiceQuestionIsAContactAndAnOrderPlaced() {
        String id = String.valueOf(System.nanoTime());
        WebhookDelivery delivery = delivery("orders/create", unique(), """
                {"id":%s,"name":"#1002","email":"piet@example.com","currency":"EUR","total_price":"64.85",
                 "created_at":"2026-11-30T10:15:00+01:00","note":"Graag cadeau inpakken",
                 "line_items":[{"title":"USB-C charger 65 W","sku":"CHG-65W","quantity":2,"price":"24.95"},
                               {"title":"Cable 2 m","sku":"","quantity":1,"price":"14.95"}]}
                """.formatted(id));
        delivery.post().statusCode(200);

        assertThat(published(delivery)).hasSize(1);
        OrderPlaced order = ordersPlaced(id).get(0);
        assertThat(order.lines()).containsExactly(
                new OrderPlaced.Line("USB-C charger 65 W", "CHG-65W", 2, new BigDecimal("49.90")),
                new OrderPlaced.Line("Cable 2 m", null, 1, new BigDecimal("14.95")));
        assertThat(order.total()).isEqualByComparingTo("64.85");
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2026-11-30T09:15:00Z"));
    }

    @Test
    void onlyANewOrderIsAnOrderPlaced() {
        String id = String.valueOf(System.nanoTime());
        delivery("orders/updated", unique(), "{\"id\":" + id + ",\"email\":\"jan@example.com\",\"line_items\":[]}")
                .post().statusCode(200);
        assertThat(ordersPlaced(id)).isEmpty();
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
