package io.switchboard.runtime.gateway;

import io.switchboard.contracts.Channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One signed sample contact per provider, as {@code deploy/local/demo} sends them: a Twilio call (the call comes in,
 * then the caller's words), a WhatsApp message, a comment on the Meta page, an X direct message, a Shopify order with
 * a note, the shop's contact form and a store check-in. One customer, Jan Jansen, calls, writes on WhatsApp, fills
 * in the form and visits the store, so the workspace shows his timeline across channels (the Shopify order is
 * another customer's: a second message of Jan's on the webshop channel would join his open form contact). The formats and signatures
 * are those of docs/channels.md; {@link Gateways} builds the ones it already has.
 */
public final class SampleContacts {

    /** Jan Jansen's number, digits with country code. */
    public static final String JAN = "31612345678";

    private static final String X_ACCOUNT = "3001";

    private final Gateways gateways;
    private final WebhookSecrets secrets;

    public SampleContacts(Gateways gateways, WebhookSecrets secrets) {
        this.gateways = gateways;
        this.secrets = secrets;
    }

    /**
     * A sample: what it shows, and the webhooks its gateway sends, in order; the last one carries the contact.
     */
    public record Sample(String provider, List<SignedWebhook> webhooks) {

        public SignedWebhook contact() {
            return webhooks.get(webhooks.size() - 1);
        }
    }

    /** Every sample, with provider ids made unique by {@code run} so that a second demo makes new contacts. */
    public List<Sample> all(String run) {
        return List.of(
                new Sample("Twilio voice + speech", List.of(twilioCall("CA-demo-" + run, JAN),
                        gateways.twilioSpeech("CA-demo-" + run, JAN, "Mijn internet valt steeds weg, al twee dagen een storing"))),
                new Sample("WhatsApp Cloud API", List.of(gateways.whatsAppText("wamid.demo-" + run, JAN, "Jan Jansen",
                        "Hoe laat zijn jullie zaterdag open?"))),
                new Sample("Meta page comment", List.of(gateways.metaPageComment("1234567890_demo" + run, "998877",
                        "Petra Bakker", "Slechtste service ooit, al drie weken geen antwoord op mijn klacht!"))),
                new Sample("X direct message", List.of(xDirectMessage("dm-demo-" + run, "4004", "PietP", "Piet Pieters",
                        "We need a business contract for 12 locations with volume pricing, who can make us an offer?"))),
                new Sample("Shopify order note", List.of(shopifyOrder(run, "Kunnen jullie na 17:00 bezorgen? Overdag is er niemand thuis."))),
                new Sample("Webshop contact form", List.of(gateways.contactForm("form-demo-" + run, JAN, "Jan Jansen",
                        "Mijn pakket is niet aangekomen, ordernummer 1001"))),
                new Sample("Store check-in (Qminder-style)", List.of(gateways.storeCheckIn("T-demo-" + run, JAN, "Jan",
                        "Mijn nieuwe telefoon laadt niet op"))));
    }

    /** Twilio: a call comes in; the adapter answers with TwiML that asks the caller what the call is about. */
    public SignedWebhook twilioCall(String callSid, String from) {
        String body = "AccountSid=AC0000000000demo&CallSid=" + callSid + "&CallStatus=ringing&Direction=inbound&From=%2B"
                + from + "&To=%2B31201234567";
        // Signed as Twilio signs any form post to this URL.
        return gateways.resigned(new SignedWebhook(Channel.PHONE, "phone", "/webhooks/twilio/voice",
                Map.of("X-Twilio-Signature", ""), "application/x-www-form-urlencoded", body, callSid), body);
    }

    /** X Account Activity: a direct message to the organisation's account from {@code senderId}. */
    public SignedWebhook xDirectMessage(String id, String senderId, String screenName, String name, String text) {
        String body = """
                {"for_user_id":"%s","direct_message_events":[{"type":"message_create","id":"%s",\
                "created_timestamp":"1795341600000","message_create":{"target":{"recipient_id":"%s"},\
                "sender_id":"%s","message_data":{"text":"%s"}}}],\
                "users":{"%s":{"id":"%s","name":"%s","screen_name":"%s"}}}\
                """.formatted(X_ACCOUNT, id, X_ACCOUNT, senderId, Json.escape(text), senderId, senderId,
                Json.escape(name), screenName);
        return new SignedWebhook(Channel.SOCIAL, "social", "/webhooks/x",
                Map.of("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64(secrets.xConsumerSecret(), body)),
                "application/json", body, id);
    }

    /** Shopify: {@code orders/create} of an order whose customer left a note; the provider id is topic + digest. */
    public SignedWebhook shopifyOrder(String run, String note) {
        String topic = "orders/create";
        String body = """
                {"id":%d,"name":"#1002","email":"marieke@example.com","note":"%s",\
                "customer":{"first_name":"Marieke","last_name":"Visser","email":"marieke@example.com"}}\
                """.formatted(820982911946154508L + Math.abs(run.hashCode() % 1_000_000), Json.escape(note));
        return new SignedWebhook(Channel.WEBSHOP, "webshop", "/webhooks/shopify",
                Map.of("X-Shopify-Hmac-Sha256", Hmac.sha256Base64(secrets.shopifySecret(), body), "X-Shopify-Topic", topic,
                        "X-Shopify-Webhook-Id", "demo-" + run), "application/json", body, topic + ":" + digest(body));
    }

    private static String digest(String body) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
