package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order placed in the webshop, published by the webshop adapter on {@link Topics#CONTACTS_ORDERS} for every
 * signed order-created webhook (Shopify {@code orders/create}, WooCommerce {@code order.created}), keyed by
 * {@code orderId}, whether or not the order also carries a service question. The work-service matches it to the
 * next-best offers shown to the same customer: an order of the offered product within the window is the offer
 * taken, with the order line's value as its revenue. An order is never work.
 *
 * @param eventId  unique per delivery of the order, so redeliveries are recognisable
 * @param customer the buyer, keyed as the webshop adapter keys its contacts (by phone, else e-mail, else the shop's
 *                 order handle)
 * @param lines    what was bought
 * @param total    the order's total in {@code currency}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderPlaced(
        int schemaVersion,
        String eventId,
        String provider,
        String orderId,
        Customer customer,
        List<Line> lines,
        BigDecimal total,
        String currency,
        Instant placedAt) {

    public static final int SCHEMA_VERSION = 1;

    public OrderPlaced {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One order line.
     *
     * @param product the product's title as the shop names it
     * @param sku     the shop's stock-keeping unit, if any
     * @param value   what this line cost the customer (price × quantity, before order-level discounts)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String product, String sku, int quantity, BigDecimal value) {
    }
}
