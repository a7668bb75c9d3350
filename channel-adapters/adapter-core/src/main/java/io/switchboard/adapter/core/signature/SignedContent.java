package io.switchboard.adapter.core.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the schemes that sign more than the raw body put under their HMAC. */
public final class SignedContent {

    private SignedContent() {
    }

    /**
     * Twilio: the full URL Twilio called, then every POST parameter name followed by its value, sorted by name
     * (repeated names keep their values in sorted order, as Twilio's own validator does).
     */
    public static byte[] twilio(String url, Map<String, List<String>> parameters) {
        StringBuilder content = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> values.stream().sorted()
                .forEach(value -> content.append(name).append(value)));
        return content.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Qminder-style queue systems: the request URL followed by the raw body. */
    public static byte[] urlAndBody(String url, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(url.length() + body.length);
        content.writeBytes(url.getBytes(StandardCharsets.UTF_8));
        content.writeBytes(body);
        return content.toByteArray();
    }
}
