package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * A correctly signed webhook delivery that an adapter could not map to a contact or a counted non-contact. The
 * gateway got its 2xx once this record was durable on {@link Topics#CONTACTS_UNMAPPED} (providers do not retry a
 * 4xx), so the customer's message survives as its raw body with the reason; the dashboard shows it and the adapter
 * replays it after a fix. Keyed by {@code deliveryId}.
 *
 * @param deliveryId   a stable id of the delivery, derived from channel, endpoint and the signed body, so a
 *                     redelivery and a replay are recognisable
 * @param endpoint     the webhook path that received it, with its query string where it had one, e.g.
 *                     {@code /webhooks/shopify} or {@code /webhooks/twilio/voice/gather?lang=nl}
 * @param reason       why it could not be mapped, one of a short fixed set: {@code not-json},
 *                     {@code unexpected-type}, {@code missing-field}, {@code invalid-value}, {@code unknown-event},
 *                     {@code mapping-error}
 * @param detail       what exactly failed, e.g. the missing field
 * @param headers      the provider's headers the mapping needs besides the body (e.g. {@code X-Shopify-Topic})
 * @param body         the raw body as received: UTF-8 text, or base64 when {@code bodyEncoding} says so
 * @param bodyEncoding absent for UTF-8 text; {@code base64} for a body that is not valid UTF-8
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
        String detail,
        Map<String, String> headers,
        String body,
        String bodyEncoding) {

    public static final int SCHEMA_VERSION = 1;
    public static final String BASE64 = "base64";

    public UnmappedDelivery {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
