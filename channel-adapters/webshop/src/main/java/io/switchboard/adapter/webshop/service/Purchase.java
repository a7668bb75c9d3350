package io.switchboard.adapter.webshop.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.adapter.core.webhook.ProviderTime;
import io.switchboard.contracts.OrderPlaced.Line;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.switchboard.adapter.webshop.service.ShopOrder.first;
import static io.switchboard.adapter.webshop.service.ShopOrder.text;

/**
 * What an order-created webhook says was bought, as the platforms document their order payloads. Amounts arrive as
 * decimal strings (Shopify's {@code "199.00"}) or numbers and are read exactly.
 *
 * @param total    the order's total in {@code currency}
 * @param placedAt when the customer placed it
 */
public record Purchase(List<Line> lines, BigDecimal total, String currency, Instant placedAt) {

    /**
     * Shopify's order: {@code line_items[]} with {@code title}, {@code sku}, {@code quantity} and the unit
     * {@code price} before discounts, {@code total_price} and {@code currency} (the shop's), {@code created_at}.
     */
    public static Purchase fromShopify(JsonNode order) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode item : order.path("line_items")) {
            int quantity = item.path("quantity").asInt(1);
            BigDecimal price = amount(item.path("price"));
            lines.add(new Line(first(item.path("title"), item.path("name")), text(item.path("sku")), quantity,
                    price == null ? null : price.multiply(BigDecimal.valueOf(quantity))));
        }
        return new Purchase(lines, amount(order.path("total_price")), text(order.path("currency")),
                ProviderTime.of(order.path("created_at"), Instant.now()));
    }

    /**
     * WooCommerce's order (REST API v3 shape): {@code line_items[]} with {@code name}, {@code sku}, {@code quantity}
     * and {@code subtotal} (the line before discounts), {@code total} and {@code currency}, and
     * {@code date_created_gmt}, which is UTC without an offset.
     */
    public static Purchase fromWooCommerce(JsonNode order) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode item : order.path("line_items")) {
            lines.add(new Line(text(item.path("name")), text(item.path("sku")), item.path("quantity").asInt(1),
                    amount(item.path("subtotal"))));
        }
        String created = text(order.path("date_created_gmt"));
        Instant placedAt = created == null ? Instant.now()
                : ProviderTime.of(TextNode.valueOf(created + "Z"), Instant.now());
        return new Purchase(lines, amount(order.path("total")), text(order.path("currency")), placedAt);
    }

    private static BigDecimal amount(JsonNode node) {
        String value = text(node);
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw UnmappableException.invalidValue("'" + value + "' is not an amount");
        }
    }
}
