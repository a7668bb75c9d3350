package io.switchboard.adapter.core.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The webhook signature schemes of the gateways Switchboard speaks to (provider-test-vectors.md): which header
 * carries the signature and how the HMAC over the signed content is written. What is signed (raw body, URL and
 * parameters, URL and body) is built by {@link SignedContent}; {@link #key} binds a scheme to its secret.
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

    /** This scheme keyed with {@code secret}, to sign and verify many requests with. */
    public SignatureKey key(String secret) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            // HMAC pads keys with zero bytes, so one zero byte is the empty key WooCommerce's vector uses
            // (SecretKeySpec refuses an empty array).
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return new SignatureKey(this, mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    /** The header value the provider sends for this content. */
    public String sign(String secret, byte[] content) {
        return key(secret).sign(content);
    }

    /** The header value for an HMAC: prefix and HMAC, encoded as the provider does. */
    String encode(byte[] mac) {
        return prefix + (encoding == Encoding.HEX ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac));
    }

    /** A presented header value in the form {@link #encode} writes it: hex is compared lower-case. */
    String normalise(String signature) {
        return encoding == Encoding.HEX ? signature.trim().toLowerCase(Locale.ROOT) : signature.trim();
    }
}
