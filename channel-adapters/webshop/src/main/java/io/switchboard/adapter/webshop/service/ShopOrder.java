package io.switchboard.adapter.webshop.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a shop's order, refund or return webhook that say who the customer is and what the service
 * question is, whatever the shop platform calls them. Absent fields are null; ids and numbers are read as text
 * whether the platform sends them as numbers or strings.
 *
 * @param note         what the customer wrote (order note, return reason note, WooCommerce customer note)
 * @param cancelReason why the order was cancelled (Shopify's {@code cancel_reason}): never a customer's note
 */
public record ShopOrder(String orderId, String orderNumber, String email, String phone, String name, String note,
        String cancelReason, String status, String updatedAt) {

    /** A Shopify order, refund ({@code order_id}) or return ({@code order.id}) payload. */
    public static ShopOrder fromShopify(JsonNode payload) {
        JsonNode customer = payload.path("customer");
        String orderId = first(payload.path("order_id"), payload.path("order").path("id"), payload.path("id"));
        return new ShopOrder(orderId, text(payload.path("name")), first(payload.path("email"), customer.path("email")),
                first(payload.path("phone"), customer.path("phone")),
                fullName(text(customer.path("first_name")), text(customer.path("last_name"))),
                first(payload.path("note"), payload.path("return_reason_note")), text(payload.path("cancel_reason")),
                first(payload.path("financial_status"), payload.path("status")), text(payload.path("updated_at")));
    }

    /** A WooCommerce order payload (REST API v3 shape). */
    public static ShopOrder fromWooCommerce(JsonNode payload) {
        JsonNode billing = payload.path("billing");
        return new ShopOrder(text(payload.path("id")), text(payload.path("number")), text(billing.path("email")),
                text(billing.path("phone")), fullName(text(billing.path("first_name")), text(billing.path("last_name"))),
                text(payload.path("customer_note")), null, text(payload.path("status")),
                first(payload.path("date_modified_gmt"), payload.path("date_created_gmt")));
    }

    static String first(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            String value = text(candidate);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String fullName(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }
}
