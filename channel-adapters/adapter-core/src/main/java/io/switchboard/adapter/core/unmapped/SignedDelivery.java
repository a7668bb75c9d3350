package io.switchboard.adapter.core.unmapped;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A webhook delivery whose signature checked out, as far as mapping it needs: where it came in, the provider's
 * unsigned headers the mapping reads (e.g. {@code X-Shopify-Topic}) and the raw body. The same record is rebuilt
 * from {@code contacts.unmapped} for a replay.
 *
 * @param endpoint the path the gateway called, with its query string where it has one
 */
public record SignedDelivery(String endpoint, Map<String, String> headers, byte[] body) {

    public SignedDelivery {
        headers = Map.copyOf(headers);
    }

    public static SignedDelivery of(String endpoint, byte[] body) {
        return new SignedDelivery(endpoint, Map.of(), body);
    }

    /** The endpoint without its query string. */
    public String path() {
        int query = endpoint.indexOf('?');
        return query < 0 ? endpoint : endpoint.substring(0, query);
    }

    /** A query parameter of the endpoint, or null. */
    public String query(String name) {
        int start = endpoint.indexOf('?');
        if (start < 0) {
            return null;
        }
        for (String pair : endpoint.substring(start + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A header the mapping needs, or null; the names are kept as the adapter wrote them. */
    public String header(String name) {
        return headers.get(name);
    }
}
