package io.switchboard.runtime.gateway;

import io.switchboard.contracts.Channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gateways as Switchboard meets them: each builds a contact's webhook in the provider's native format, signed
 * with the given secrets (docs/channels.md has the formats). Used by the system tests, the benchmark and the fault
 * suite, so they all speak to the adapters as the real gateways do.
 */
public final class Gateways {

    private final Function<String, String> serviceUrl;
    private final WebhookSecrets secrets;

    /** Signing with the adapters' local defaults; {@code SwitchboardStack.gateways()} signs as its adapters verify. */
    public Gateways(Function<String, String> serviceUrl) {
        this(serviceUrl, WebhookSecrets.LOCAL);
    }

    /** @param serviceUrl the base URL of an adapter service by name, e.g. {@code http://127.0.0.1:8081} for phone */
    public Gateways(Function<String, String> serviceUrl, WebhookSecrets secrets) {
        this.serviceUrl = serviceUrl;
        this.secrets = secrets;
    }

    /** A contact on {@code channel} with provider id {@code id} from {@code phone} (digits, with country code). */
    public SignedWebhook contact(Channel channel, String id, String phone, String name, String text) {
        return switch (channel) {
            case PHONE -> twilioSpeech(id, phone, text);
            case WHATSAPP -> whatsAppText(id, phone, name, text);
            case SOCIAL -> metaPageComment(id, phone, name, text);
            case WEBSHOP -> contactForm(id, phone, name, text);
            case STORE -> storeCheckIn(id, phone, name, text);
        };
    }

    /**
     * The same delivery with another body, signed as its gateway would sign that body: lets the fault suite reach
     * an adapter's parser with malformed content.
     */
    public SignedWebhook resigned(SignedWebhook webhook, String body) {
        String header = webhook.headers().keySet().iterator().next();
        String signature = switch (header) {
            case "X-Hub-Signature-256" -> "sha256=" + Hmac.sha256Hex(secrets.metaAppSecret(), body);
            case "X-Switchboard-Signature" -> "sha256=" + Hmac.sha256Hex(secrets.webshopSecret(), body);
            case "X-Qminder-Signature" -> Hmac.sha256Hex(secrets.storeSecret(), serviceUrl.apply(webhook.service()) + webhook.path() + body);
            case "X-Twilio-Signature" -> Hmac.sha1Base64(secrets.twilioAuthToken(), serviceUrl.apply(webhook.service())
                    + webhook.path() + sortedFormParameters(body));
            default -> throw new IllegalArgumentException("no signer for " + header);
        };
        return new SignedWebhook(webhook.channel(), webhook.service(), webhook.path(), Map.of(header, signature),
                webhook.contentType(), body, webhook.providerMessageId());
    }

    private static String sortedFormParameters(String form) {
        Map<String, java.util.List<String>> parameters = new TreeMap<>();
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(value);
            }
        }
        StringBuilder content = new StringBuilder();
        parameters.forEach((name, values) -> values.stream().sorted().forEach(value -> content.append(name).append(value)));
        return content.toString();
    }

    /** The business number of the samples: the WhatsApp Cloud API's phone number id the customer writes to. */
    public static final String WHATSAPP_PHONE_NUMBER_ID = "106540352242922";

    /**
     * WhatsApp Cloud API: a notification with one text message from {@code waId}, sent now (so an agent may answer
     * it with free text: the customer-service window is open).
     */
    public SignedWebhook whatsAppText(String wamid, String waId, String name, String text) {
        return whatsApp(wamid, """
                "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]\
                """.formatted(Json.escape(name), waId, waId, wamid, Instant.now().getEpochSecond(), Json.escape(text)));
    }

    /** WhatsApp Cloud API: the status ({@code sent}, {@code delivered}, {@code read}) of our message {@code wamid}. */
    public SignedWebhook whatsAppStatus(String wamid, String waId, String status) {
        return whatsApp(wamid + ":" + status, """
                "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"}]\
                """.formatted(wamid, status, Instant.now().getEpochSecond(), waId));
    }

    private SignedWebhook whatsApp(String id, String value) {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",\
                "phone_number_id":"%s"},%s}}]}]}""".formatted(WHATSAPP_PHONE_NUMBER_ID, value);
        return new SignedWebhook(Channel.WHATSAPP, "whatsapp", "/webhooks/whatsapp",
                Map.of("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(secrets.metaAppSecret(), body)), "application/json",
                body, id);
    }

    /** Twilio: the speech {@code <Gather>} action of call {@code callSid}, the caller's words as the contact. */
    public SignedWebhook twilioSpeech(String callSid, String from, String speech) {
        String path = "/webhooks/twilio/voice/gather?lang=nl";
        Map<String, String> parameters = new TreeMap<>(Map.of("CallSid", callSid, "AccountSid", "AC0000000000bench",
                "From", "+" + from, "To", "+31201234567", "CallStatus", "in-progress", "SpeechResult", speech,
                "Confidence", "0.92"));
        StringBuilder signed = new StringBuilder(serviceUrl.apply("phone") + path);
        parameters.forEach((key, value) -> signed.append(key).append(value));
        String body = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new SignedWebhook(Channel.PHONE, "phone", path,
                Map.of("X-Twilio-Signature", Hmac.sha1Base64(secrets.twilioAuthToken(), signed.toString())),
                "application/x-www-form-urlencoded", body, callSid);
    }

    /** Meta page feed: a public comment on the organisation's page. */
    public SignedWebhook metaPageComment(String commentId, String userId, String name, String text) {
        String body = """
                {"object":"page","entry":[{"id":"1234567890","time":1795341600,"changes":[{"field":"feed","value":{\
                "from":{"id":"%s","name":"%s"},"item":"comment","comment_id":"%s","post_id":"1234567890_1",\
                "verb":"add","message":"%s","created_time":1795341600}}]}]}\
                """.formatted(userId, Json.escape(name), commentId, Json.escape(text));
        return new SignedWebhook(Channel.SOCIAL, "social", "/webhooks/meta",
                Map.of("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(secrets.metaAppSecret(), body)), "application/json",
                body, commentId);
    }

    /**
     * A Messenger direct message to the organisation's page from {@code psid}; with {@code quickReplyPayload} it is
     * the customer's tap on one of the quick replies Switchboard sent (a survey's score), else typed text.
     */
    public SignedWebhook messengerMessage(String mid, String psid, String text, String quickReplyPayload) {
        String quickReply = quickReplyPayload == null ? ""
                : ",\"quick_reply\":{\"payload\":\"%s\"}".formatted(Json.escape(quickReplyPayload));
        String body = """
                {"object":"page","entry":[{"id":"1234567890","time":1795341600,"messaging":[{"sender":{"id":"%s"},\
                "recipient":{"id":"1234567890"},"timestamp":%d,"message":{"mid":"%s","text":"%s"%s}}]}]}\
                """.formatted(psid, System.currentTimeMillis(), mid, Json.escape(text), quickReply);
        return new SignedWebhook(Channel.SOCIAL, "social", "/webhooks/meta",
                Map.of("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(secrets.metaAppSecret(), body)), "application/json",
                body, mid);
    }

    /** The webshop's own contact form. */
    public SignedWebhook contactForm(String messageId, String phone, String name, String text) {
        String body = """
                {"messageId":"%s","name":"%s","phone":"+%s","message":"%s","language":"nl"}\
                """.formatted(messageId, Json.escape(name), phone, Json.escape(text));
        return new SignedWebhook(Channel.WEBSHOP, "webshop", "/webhooks/webshop/contact",
                Map.of("X-Switchboard-Signature", "sha256=" + Hmac.sha256Hex(secrets.webshopSecret(), body)), "application/json",
                body, messageId);
    }

    /** A store visitor checking in at the kiosk with their question. */
    public SignedWebhook storeCheckIn(String ticketId, String phone, String name, String question) {
        String path = "/webhooks/store/visits";
        String body = """
                {"type":"ticket_created","data":{"id":"%s","source":"KIOSK","line":"71490","lineName":"Service desk",\
                "location":"Amsterdam Damrak","firstName":"%s","phoneNumber":"+%s","language":"nl",\
                "created":"2026-11-22T10:00:00Z","extra":[{"title":"Vraag","value":"%s"}]}}\
                """.formatted(ticketId, Json.escape(name), phone, Json.escape(question));
        String url = serviceUrl.apply("store") + path;
        return new SignedWebhook(Channel.STORE, "store", path,
                Map.of("X-Qminder-Signature", Hmac.sha256Hex(secrets.storeSecret(), url + body)), "application/json", body,
                ticketId);
    }
}
