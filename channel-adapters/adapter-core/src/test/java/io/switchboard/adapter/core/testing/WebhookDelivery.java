package io.switchboard.adapter.core.testing;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One webhook request as a gateway sends it, with the contact ids it must yield.
 *
 * @param signatureHeader the header carrying the signature, removed by {@link #unsigned()}
 * @param contactIds      the contacts this delivery must publish, in any order
 */
public record WebhookDelivery(String path, String contentType, byte[] body, Map<String, String> headers,
        String signatureHeader, List<String> contactIds) {

    public WebhookDelivery {
        headers = Map.copyOf(headers);
        contactIds = List.copyOf(contactIds);
    }

    public ValidatableResponse post() {
        RequestSpecification request = request(contentType, body);
        headers.forEach(request::header);
        return request.when().post(path).then();
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
