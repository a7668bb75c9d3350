package io.switchboard.adapter.core.signature;

import io.switchboard.adapter.core.problem.WebhookRejectedException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The webhook signature schemes of the gateways Switchboard speaks to (provider-test-vectors.md): which header
 * carries the signature and how the HMAC over the signed content is written. What is signed (raw body, URL and
 * parameters, URL and body) is built by {@link SignedContent}.
 */
public enum SignatureScheme {

    TWILIO("X-Twilio-Signature", "HmacSHA1", Encoding.BASE64, ""),
    META("X-Hub-Signature-256", "HmacSHA256", Encoding.HEX, "sha256="),
    X("x-twitter-webhooks-signature", "HmacSHA256", Encoding.BASE64, "sha256="),
    SHOPIFY("X-Shopify-Hmac-Sha256", "HmacSHA256", Encoding.BASE64, ""),
    WOOCOMMERCE("X-WC-Webhook-Signature", "HmacSHA256", Encoding.BASE64, ""),
    QMINDER("X-Qminder-Signature", "HmacSHA256", Encoding.HEX, ""),
    /** Switchboard's own scheme for the webshop contact form: the Meta scheme under our own header name. */
    SWITCHBOARD("X-Switchboard-Signature", "HmacSHA256", Encoding.HEX, "sha256=");

    private enum Encoding { HEX, BASE64 }

    private final String header;
    private final String algorithm;
    private final Encoding encoding;
    private final String prefix;

    SignatureScheme(String header, String algorithm, Encoding encoding, String prefix) {
        this.header = header;
        this.algorithm = algorithm;
        this.encoding = encoding;
        this.prefix = prefix;
    }

    public String header() {
        return header;
    }

    /** The header value the provider sends for this content. */
    public String sign(String secret, byte[] content) {
        byte[] mac = hmac(secret, content);
        return prefix + (encoding == Encoding.HEX ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac));
    }

    /**
     * Accepts the content only when {@code signature} is what the provider computes with {@code secret}; the
     * comparison takes the same time wherever the first difference is, so it leaks nothing about the HMAC.
     *
     * @throws WebhookRejectedException (401) when the signature is missing or does not match
     */
    public void verify(String secret, byte[] content, String signature) {
        if (signature == null || signature.isBlank()) {
            throw WebhookRejectedException.badSignature("missing " + header + " header");
        }
        String presented = encoding == Encoding.HEX ? signature.trim().toLowerCase(Locale.ROOT) : signature.trim();
        byte[] expected = sign(secret, content).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRejectedException.badSignature(header + " does not match the request");
        }
    }

    private byte[] hmac(String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            // HMAC pads keys with zero bytes, so one zero byte is the empty key WooCommerce's vector uses
            // (SecretKeySpec refuses an empty array).
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
