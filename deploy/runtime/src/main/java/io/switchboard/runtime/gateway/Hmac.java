package io.switchboard.runtime.gateway;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/** The gateways' signing primitives, as they compute them (provider-test-vectors.md). */
final class Hmac {

    private Hmac() {
    }

    static String sha256Hex(String secret, String content) {
        return HexFormat.of().formatHex(of("HmacSHA256", secret, content));
    }

    static String sha256Base64(String secret, String content) {
        return Base64.getEncoder().encodeToString(of("HmacSHA256", secret, content));
    }

    static String sha1Base64(String secret, String content) {
        return Base64.getEncoder().encodeToString(of("HmacSHA1", secret, content));
    }

    private static byte[] of(String algorithm, String secret, String content) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
