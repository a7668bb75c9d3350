package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * A correctly signed webhook delivery that an adapter could not map to a contact or a counted non-contact. The
 * gateway got its 2xx once this record was durable on {@link Topics#CONTACTS_UNMAPPED} (providers do not retry a
 * 4xx), so the customer's message survives as its raw body with the reason; the dashboard shows it and the adapter
 * replays it after a fix.
 *
 * @param deliveryId a stable id of the delivery, derived from the endpoint and the signed body, so a redelivery
 *                   and a replay are recognisable
 * @param endpoint   the webhook path that received it, e.g. {@code /webhooks/shopify}
 * @param headers    the provider's headers the mapping needs besides the body (e.g. {@code X-Shopify-Topic})
 * @param body       the raw body as received
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnmappedDelivery(
        int schemaVersion,
        String deliveryId,
        Channel channel,
        String provider,
        String endpoint,
        Instant receivedAt,
        String reason,
        Map<String, String> headers,
        String body) {

    public static final int SCHEMA_VERSION = 1;

    public UnmappedDelivery {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
