package io.switchboard.adapter.social.outbound;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * OAuth 1.0a user-context credentials and their HMAC-SHA1 signature (RFC 5849 §3.4), for X's v1.1 direct message
 * events, the one X API that sends quick replies and takes no OAuth 2.0 token. Only query and form parameters are
 * signed, never a JSON body.
 */
record OAuth1(String consumerKey, String consumerSecret, String token, String tokenSecret) {

    private static final Comparator<Map.Entry<String, String>> BY_NAME_THEN_VALUE =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

    /** The {@code Authorization} header of a request without parameters, with a fresh nonce and the current time. */
    String authorization(String method, String url) {
        return authorization(method, url, Map.of(), UUID.randomUUID().toString().replace("-", ""),
                Instant.now().getEpochSecond());
    }

    String authorization(String method, String url, Map<String, String> parameters, String nonce, long timestamp) {
        Map<String, String> oauth = new TreeMap<>(Map.of("oauth_consumer_key", consumerKey, "oauth_nonce", nonce,
                "oauth_signature_method", "HMAC-SHA1", "oauth_timestamp", Long.toString(timestamp),
                "oauth_token", token, "oauth_version", "1.0"));
        String normalized = Stream.concat(oauth.entrySet().stream(), parameters.entrySet().stream())
                .map(parameter -> Map.entry(encode(parameter.getKey()), encode(parameter.getValue())))
                .sorted(BY_NAME_THEN_VALUE)
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                .collect(Collectors.joining("&"));
        String base = method.toUpperCase(Locale.ROOT) + "&" + encode(url) + "&" + encode(normalized);
        oauth.put("oauth_signature", hmacSha1(encode(consumerSecret) + "&" + encode(tokenSecret), base));
        return "OAuth " + oauth.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=\"" + encode(parameter.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /** RFC 3986 percent-encoding: every character but the unreserved ones. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String hmacSha1(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
