package io.switchboard.adapter.webshop.service;

import java.util.Optional;
import java.util.Set;

/**
 * Which shop events start service work — an order note, a cancellation, a refund, a return — and how they read
 * as a contact text. Every other topic is acknowledged and counted, so the shop keeps its subscription healthy.
 */
public final class ShopEvents {

    private static final Set<String> TROUBLED_WOO_STATUSES = Set.of("cancelled", "refunded", "failed");

    private ShopEvents() {
    }

    public static Optional<String> shopify(String topic, ShopOrder order) {
        String subject = "order " + (order.orderNumber() != null ? order.orderNumber() : order.orderId());
        String text = switch (topic) {
            case "orders/cancelled" -> "Cancelled " + subject
                    + (order.cancelReason() == null ? "" : " (reason: " + order.cancelReason() + ")") + withNote(order);
            case "refunds/create" -> "Refund for " + subject + withNote(order);
            case "returns/request", "returns/approve", "returns/decline" -> "Return " + topic.substring(8) + " for "
                    + subject + withNote(order);
            case "orders/create", "orders/updated", "orders/edited" -> order.note() == null ? null
                    : "Note on " + subject + ": " + order.note();
            default -> null;
        };
        return Optional.ofNullable(text);
    }

    public static Optional<String> wooCommerce(String topic, ShopOrder order) {
        if (!topic.startsWith("order.")) {
            return Optional.empty();
        }
        String subject = "order " + (order.orderNumber() != null ? order.orderNumber() : order.orderId());
        if (order.status() != null && TROUBLED_WOO_STATUSES.contains(order.status())) {
            return Optional.of("Order status " + order.status() + " for " + subject + withNote(order));
        }
        return Optional.ofNullable(order.note()).map(note -> "Note on " + subject + ": " + note);
    }

    private static String withNote(ShopOrder order) {
        return order.note() == null ? "" : ": " + order.note();
    }
}
