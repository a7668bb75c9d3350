package io.switchboard.adapter.webshop;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.testing.WebhookDelivery;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.contracts.Customer;
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
class WooCommerceWebhookTest extends WebshopContractTest {

    private static final String SECRET = "local-woocommerce-secret";

    @Override
    protected WebhookDelivery signedContact(String unique) {
        return delivery("order.created", unique, "processing", "Kan ik de bestelling vóór vrijdag ophalen?");
    }

    @Override
    protected WebhookDelivery signedUnmappable(String unique) {
        return signedBody(utf8("{\"number\":\"" + unique + "\",\"status\":\"cancelled\"}"));
    }

    @Override
    protected WebhookDelivery signedBody(byte[] body) {
        return new WebhookDelivery("/webhooks/woocommerce", "application/json", body,
                Map.of("X-WC-Webhook-Signature", SignatureScheme.WOOCOMMERCE.sign(SECRET, body),
                        "X-WC-Webhook-Topic", "order.updated"), "X-WC-Webhook-Signature", List.of());
    }

    @Test
    void shopifysSecretIsNotWooCommercesSecret() {
        byte[] body = utf8("{\"id\":1,\"status\":\"cancelled\"}");
        assertProblem(RestAssured.given().contentType("application/json").body(body)
                .header("X-WC-Webhook-Signature", SignatureScheme.WOOCOMMERCE.sign("local-shopify-secret", body))
                .header("X-WC-Webhook-Topic", "order.updated").post("/webhooks/woocommerce").then(), 401);
    }

    @Test
    void unsignedCreationPingGets200() {
        RestAssured.given().contentType("application/x-www-form-urlencoded").body("webhook_id=17")
                .post("/webhooks/woocommerce").then().statusCode(200);
        assertProblem(RestAssured.given().contentType("application/x-www-form-urlencoded").body("webhook_id=17&x=1")
                .post("/webhooks/woocommerce").then(), 401);
    }

    @Test
    void customerNoteOnANewOrderBecomesAContactOfTheCustomerByPhoneAndTheOrderIsPlaced() {
        WebhookDelivery delivery = signedContact(unique());
        delivery.post().statusCode(200);
        List<ConsumerRecord<String, String>> records = published(delivery);
        assertThat(records).hasSize(1);
        assertThat(ordersPlaced("727")).extracting(OrderPlaced::customer).extracting(Customer::key)
                .contains("phone:+31612345678");
        assertThat(records.get(0).key()).isEqualTo("phone:+31612345678");
        assertThat(records.get(0).value()).contains("Note on order 1001: Kan ik de bestelling vóór vrijdag ophalen?")
                .contains("\"email\":\"jan@example.com\"");
    }

    @Test
    void cancelledOrderIsAContactAndAPlainUpdateIsNot() {
        WebhookDelivery cancelled = delivery("order.updated", unique(), "cancelled", "");
        cancelled.post().statusCode(200);
        assertThat(published(cancelled)).hasSize(1);
        WebhookDelivery completed = delivery("order.updated", unique(), "completed", "");
        completed.post().statusCode(200);
        assertThat(published(completed)).isEmpty();
    }

    /**
     * A new order in WooCommerce's REST API v3 shape: each line's value is its subtotal (before the coupon), the
     * creation time is UTC without an offset.
     */
    @Test
    void newOrderIsAnOrderPlacedWithItsLinesBeforeDiscountAndTotal() {
        String id = String.valueOf(System.nanoTime() % 1_000_000_000L);
        byte[] body = utf8("""
                {"id":%s,"parent_id":0,"number":"%s","status":"processing","currency":"EUR","prices_include_tax":true,
                 "date_created":"2026-11-30T11:05:09","date_created_gmt":"2026-11-30T10:05:09",
                 "date_modified_gmt":"2026-11-30T10:05:09","discount_total":"5.00","total":"59.85","customer_note":"",
                 "billing":{"first_name":"Jan","last_name":"Jansen","email":"jan@example.com","phone":""},
                 "line_items":[{"id":315,"name":"USB-C charger 65 W","product_id":93,"variation_id":0,"quantity":2,
                                "subtotal":"49.90","total":"44.90","sku":"CHG-65W","price":22.45},
                               {"id":316,"name":"Cable 2 m","product_id":94,"variation_id":0,"quantity":1,
                                "subtotal":"14.95","total":"14.95","sku":"CBL-2M","price":14.95}]}
                """.formatted(id, id));
        RestAssured.given().contentType("application/json").body(body)
                .header("X-WC-Webhook-Signature", SignatureScheme.WOOCOMMERCE.sign(SECRET, body))
                .header("X-WC-Webhook-Topic", "order.created").post("/webhooks/woocommerce").then().statusCode(200);

        List<OrderPlaced> orders = ordersPlaced(id);
        assertThat(orders).hasSize(1);
        OrderPlaced order = orders.get(0);
        assertThat(order.provider()).isEqualTo("woocommerce");
        assertThat(order.customer().key()).isEqualTo("email:jan@example.com");
        assertThat(order.lines()).containsExactly(
                new OrderPlaced.Line("USB-C charger 65 W", "CHG-65W", 2, new BigDecimal("49.90")),
                new OrderPlaced.Line("Cable 2 m", "CBL-2M", 1, new BigDecimal("14.95")));
        assertThat(order.total()).isEqualByComparingTo("59.85");
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2026-11-30T10:05:09Z"));
    }

    /** A signed order whose amount is no decimal is kept with the reason, neither lost nor published half. */
    @Test
    void newOrderWithAnAmountThatIsNoDecimalIsKeptUnmapped() {
        String id = String.valueOf(System.nanoTime() % 1_000_000_000L);
        byte[] body = utf8("""
                {"id":%s,"number":"%s","status":"processing","currency":"EUR","total":"twelve","customer_note":"",
                 "billing":{"email":"jan@example.com"},"line_items":[]}
                """.formatted(id, id));
        WebhookDelivery delivery = new WebhookDelivery("/webhooks/woocommerce", "application/json", body,
                Map.of("X-WC-Webhook-Signature", SignatureScheme.WOOCOMMERCE.sign(SECRET, body),
                        "X-WC-Webhook-Topic", "order.created"), "X-WC-Webhook-Signature", List.of());
        delivery.post().statusCode(200);

        assertThat(unmapped(delivery)).singleElement().extracting(ConsumerRecord::value).asString()
                .contains("'twelve' is not an amount");
        assertThat(ordersPlaced(id)).isEmpty();
    }

    /** {@code unique} stands for the order's modification time, which tells one change of an order from another. */
    private static WebhookDelivery delivery(String topic, String unique, String status, String note) {
        String body = """
                {"id":727,"number":"1001","status":"%s","customer_note":"%s","date_modified_gmt":"%s",
                 "billing":{"first_name":"Jan","last_name":"Jansen","email":"jan@example.com","phone":"06-12345678"}}
                """.formatted(status, note, unique);
        byte[] bytes = utf8(body);
        return new WebhookDelivery("/webhooks/woocommerce", "application/json", bytes,
                Map.of("X-WC-Webhook-Signature", SignatureScheme.WOOCOMMERCE.sign(SECRET, bytes),
                        "X-WC-Webhook-Topic", topic, "X-WC-Webhook-Source", "https://shop.example/"),
                "X-WC-Webhook-Signature",
                List.of(ContactIds.of(Channel.WEBSHOP, "order-727:" + topic + ":" + unique)));
    }
}
