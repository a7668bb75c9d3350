package io.switchboard.adapter.core.testing;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One webhook request as a gateway sends it, with the contact ids it must yield.
 *
 * @param signatureHeader the header carrying the signature, removed by {@link #unsigned()}
 * @param contactIds      the contacts this delivery must publish, in any order
 */
public record WebhookDelivery(String path, String contentType, byte[] body, Map<String, String> headers,
        String signatureHeader, List<String> contactIds) {

    /** Gateways wait longer; the test only needs to notice soon that the broker is back. */
    private static final Duration REDELIVERY_PAUSE = Duration.ofMillis(200);

    public WebhookDelivery {
        headers = Map.copyOf(headers);
        contactIds = List.copyOf(contactIds);
    }

    public ValidatableResponse post() {
        RequestSpecification request = request(contentType, body);
        headers.forEach(request::header);
        return request.when().post(path).then();
    }

    /**
     * Delivers again after each 503, as the gateway does while the broker comes back, until the adapter answers
     * otherwise or {@code within} has passed: the last status (anything but 503 ends it at once).
     */
    public int redeliveredUntilAccepted(Duration within) throws InterruptedException {
        return redeliveredUntilAccepted(this::post, within);
    }

    /** {@link #redeliveredUntilAccepted(Duration)} for a delivery posted otherwise (an unencoded URL, say). */
    public static int redeliveredUntilAccepted(Supplier<ValidatableResponse> delivery, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int status = delivery.get().extract().statusCode();
        while (status == 503 && System.nanoTime() < deadline) {
            Thread.sleep(REDELIVERY_PAUSE.toMillis());
            status = delivery.get().extract().statusCode();
        }
        return status;
    }

    /** A request with exactly these body bytes (RestAssured takes form bodies only as text). */
    public static RequestSpecification request(String contentType, byte[] body) {
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return RestAssured.given().contentType(contentType + "; charset=UTF-8")
                    .body(new String(body, StandardCharsets.UTF_8));
        }
        return RestAssured.given().contentType(contentType).body(body);
    }

    /** The same headers over a body changed after signing, as a forger or a broken proxy would send it. */
    public WebhookDelivery tampered() {
        byte[] changed = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        return new WebhookDelivery(path, contentType, changed, headers, signatureHeader, contactIds);
    }

    public WebhookDelivery unsigned() {
        Map<String, String> without = new LinkedHashMap<>(headers);
        without.keySet().removeIf(name -> name.equalsIgnoreCase(signatureHeader));
        return new WebhookDelivery(path, contentType, body, without, signatureHeader, contactIds);
    }
}
