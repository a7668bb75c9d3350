package io.switchboard.bench;

import io.switchboard.contracts.Channel;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;
import io.switchboard.runtime.gateway.WebhookSecrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A valid, signed delivery for every webhook endpoint of the adapters (docs/channels.md), and the same delivery
 * re-signed over another body. {@link Gateways} builds the five contacts of the load; the endpoints it has no
 * builder for (Twilio's call, status and dial callbacks, X, Shopify, WooCommerce) are built here.
 */
final class EndpointSamples {

    /** The header that carries each provider's signature (provider-test-vectors.md). */
    static final List<String> SIGNATURE_HEADERS = List.of("X-Twilio-Signature", "X-Hub-Signature-256",
            "x-twitter-webhooks-signature", "X-Shopify-Hmac-Sha256", "X-WC-Webhook-Signature", "X-Qminder-Signature",
            "X-Switchboard-Signature");

    private static final String X_SIGNATURE = "x-twitter-webhooks-signature";
    private static final String SHOPIFY_SIGNATURE = "X-Shopify-Hmac-Sha256";
    private static final String WOOCOMMERCE_SIGNATURE = "X-WC-Webhook-Signature";

    private final Gateways gateways;
    private final WebhookSecrets secrets;

    EndpointSamples(Gateways gateways, WebhookSecrets secrets) {
        this.gateways = gateways;
        this.secrets = secrets;
    }

    /** One delivery per endpoint; {@code id} makes their provider ids unique to the run. */
    List<SignedWebhook> all(String id) {
        String phone = "31612345678";
        String text = "Mijn internet doet het niet";
        return List.of(
                twilio("/webhooks/twilio/voice", Map.of("CallSid", "CA" + id, "From", "+" + phone, "CallStatus", "ringing")),
                gateways.contact(Channel.PHONE, "CA" + id, phone, "Fuzz", text),
                twilio("/webhooks/twilio/voice/status", Map.of("CallSid", "CA" + id, "CallStatus", "completed",
                        "QueueResult", "hangup")),
                // The <Dial action> of a caller connected to an agent (issue 15): the agent did not answer.
                twilio("/webhooks/twilio/voice/dial-status?replyId=" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)),
                        Map.of("CallSid", "CA" + id, "DialCallStatus", "no-answer")),
                // Outside business hours the caller pressed a key other than 1 (issue 14): no contact.
                twilio("/webhooks/twilio/voice/callback?lang=nl", Map.of("CallSid", "CA" + id, "From", "+" + phone,
                        "Digits", "2")),
                // The post-call survey (issue 18): the score keyed in, then the comment.
                twilio("/webhooks/twilio/voice/survey?surveyId=s-" + id + "&lang=nl&attempt=1",
                        Map.of("CallSid", "CA" + id, "Digits", "9")),
                twilio("/webhooks/twilio/voice/survey/comment?surveyId=s-" + id + "&lang=nl&score=9",
                        Map.of("CallSid", "CA" + id, "SpeechResult", text)),
                gateways.contact(Channel.WHATSAPP, "wamid." + id, phone, "Fuzz", text),
                gateways.contact(Channel.SOCIAL, "1234567890_" + id, phone, "Fuzz", text),
                xMention(id, text),
                gateways.contact(Channel.WEBSHOP, "form-" + id, phone, "Fuzz", text),
                shopifyCancellation(id),
                wooCommerceCancellation(id),
                gateways.contact(Channel.STORE, "ticket-" + id, phone, "Fuzz", text));
    }

    /** {@code webhook} with {@code body}, signed as its gateway signs that body; its other headers kept. */
    SignedWebhook resigned(SignedWebhook webhook, String body) {
        String header = signatureHeader(webhook);
        String signature = switch (header) {
            case X_SIGNATURE -> "sha256=" + hmacBase64(secrets.xConsumerSecret(), body);
            case SHOPIFY_SIGNATURE -> hmacBase64(secrets.shopifySecret(), body);
            case WOOCOMMERCE_SIGNATURE -> hmacBase64(secrets.wooCommerceSecret(), body);
            default -> gateways.resigned(webhook, body).headers().get(header);
        };
        return withHeader(webhook, header, signature, body);
    }

    /** {@code webhook} with its signature header replaced by {@code value}, or left out when null. */
    static SignedWebhook withHeader(SignedWebhook webhook, String header, String value, String body) {
        Map<String, String> headers = new HashMap<>(webhook.headers());
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value);
        }
        return new SignedWebhook(webhook.channel(), webhook.service(), webhook.path(), Map.copyOf(headers),
                webhook.contentType(), body, webhook.providerMessageId());
    }

    static String signatureHeader(SignedWebhook webhook) {
        return SIGNATURE_HEADERS.stream().filter(webhook.headers()::containsKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsigned: " + webhook.path()));
    }

    /** The path without its query: the endpoint as the adapter's OpenAPI document names it. */
    static String endpoint(SignedWebhook webhook) {
        int query = webhook.path().indexOf('?');
        return query < 0 ? webhook.path() : webhook.path().substring(0, query);
    }

    private SignedWebhook twilio(String path, Map<String, String> call) {
        Map<String, String> parameters = new TreeMap<>(call);
        parameters.putAll(Map.of("AccountSid", "AC0000000000bench", "To", "+31201234567"));
        String body = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        SignedWebhook unsigned = new SignedWebhook(Channel.PHONE, "phone", path, Map.of("X-Twilio-Signature", ""),
                "application/x-www-form-urlencoded", body, call.get("CallSid"));
        return gateways.resigned(unsigned, body);
    }

    /** X Account Activity: a mention of the organisation's account by someone else. */
    private SignedWebhook xMention(String id, String text) {
        String tweetId = String.valueOf(1_861_000_000_000_000_000L + Math.floorMod(id.hashCode(), 1_000_000));
        String body = """
                {"for_user_id":"3001","tweet_create_events":[{"id_str":"%s","text":"@shop %s",\
                "timestamp_ms":"1795341600000","user":{"id_str":"2002","screen_name":"JanJansen","name":"Jan Jansen"}}]}\
                """.formatted(tweetId, text);
        return resigned(new SignedWebhook(Channel.SOCIAL, "social", "/webhooks/x", Map.of(X_SIGNATURE, ""),
                "application/json", body, tweetId), body);
    }

    /** Shopify {@code orders/cancelled}, as in docs/channels.md. */
    private SignedWebhook shopifyCancellation(String id) {
        String body = """
                {"id":%d,"name":"#1001","email":"jan@example.com","cancel_reason":"customer",\
                "customer":{"first_name":"Jan","last_name":"Jansen","email":"jan@example.com"}}\
                """.formatted(820_982_911_946_154_508L + Math.floorMod(id.hashCode(), 1_000_000));
        String webhookId = "b54557e4-" + id;
        return resigned(new SignedWebhook(Channel.WEBSHOP, "webshop", "/webhooks/shopify",
                Map.of(SHOPIFY_SIGNATURE, "", "X-Shopify-Topic", "orders/cancelled", "X-Shopify-Webhook-Id", webhookId),
                "application/json", body, webhookId), body);
    }

    /** WooCommerce {@code order.updated} of a cancelled order (API v3). */
    private SignedWebhook wooCommerceCancellation(String id) {
        long orderId = 5_000 + Math.floorMod(id.hashCode(), 1_000_000);
        String body = """
                {"id":%d,"number":"%d","status":"cancelled","customer_note":"","date_modified_gmt":"2026-11-22T10:00:00",\
                "billing":{"first_name":"Jan","last_name":"Jansen","email":"jan@example.com","phone":"+31612345678"}}\
                """.formatted(orderId, orderId);
        return resigned(new SignedWebhook(Channel.WEBSHOP, "webshop", "/webhooks/woocommerce",
                Map.of(WOOCOMMERCE_SIGNATURE, "", "X-WC-Webhook-Topic", "order.updated"), "application/json", body,
                "order-" + orderId + ":order.updated:2026-11-22T10:00:00"), body);
    }

    private static String hmacBase64(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
