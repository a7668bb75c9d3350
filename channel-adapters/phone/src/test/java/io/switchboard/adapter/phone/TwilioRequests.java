package io.switchboard.adapter.phone;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.signature.SignedContent;
import io.switchboard.adapter.core.testing.WebhookDelivery;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Twilio's voice webhook requests as Twilio sends them: form parameters, signed over the public URL. */
final class TwilioRequests {

    static final String AUTH_TOKEN = "local-twilio-auth-token";
    /** switchboard.public-url of the test profile: the adapter sits behind a proxy Twilio calls. */
    static final String PUBLIC_BASE = "https://phone.switchboard.test";

    private TwilioRequests() {
    }

    /** A call's parameters as every voice request carries them, plus {@code extra} name/value pairs. */
    static Map<String, String> call(String unique, String from, String... extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("CallSid", "CA" + unique);
        params.put("From", from);
        params.put("To", "+31201234567");
        params.put("CallStatus", "in-progress");
        params.put("Direction", "inbound");
        for (int i = 0; i < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        return params;
    }

    /** Signed for {@code path} (with its query) under the public URL; {@code uniques} name the contacts it yields. */
    static WebhookDelivery delivery(String path, Map<String, String> params, String... uniques) {
        return signedFor(path, path, params, uniques);
    }

    /** Posted to {@code path}, but signed over {@code signedPath}: what a forger replaying a signature sends. */
    static WebhookDelivery signedFor(String signedPath, String path, Map<String, String> params, String... uniques) {
        String signature = SignatureScheme.TWILIO.sign(AUTH_TOKEN,
                SignedContent.twilio(PUBLIC_BASE + signedPath, multi(params)));
        return new WebhookDelivery(path, "application/x-www-form-urlencoded",
                form(params).getBytes(StandardCharsets.UTF_8), Map.of("X-Twilio-Signature", signature),
                "X-Twilio-Signature", Arrays.stream(uniques).map(u -> ContactIds.of(Channel.PHONE, "CA" + u)).toList());
    }

    /**
     * The delivery to be posted to its path exactly as written: Twilio calls (and signs) the action URL the adapter
     * wrote, its encoded query included, which RestAssured would otherwise encode anew.
     */
    static Exact exactly(WebhookDelivery delivery) {
        return new Exact(delivery);
    }

    record Exact(WebhookDelivery delivery) {

        ValidatableResponse post() {
            RequestSpecification request = WebhookDelivery.request(delivery.contentType(), delivery.body())
                    .urlEncodingEnabled(false);
            delivery.headers().forEach(request::header);
            return request.when().post(delivery.path()).then();
        }
    }

    static Map<String, List<String>> multi(Map<String, String> params) {
        return params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
