package io.switchboard.adapter.core.signature;

import io.switchboard.adapter.core.problem.WebhookRejectedException;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A {@link SignatureScheme} bound to one secret. The keyed HMAC is set up once and cloned for each request:
 * looking up the provider and hashing the key again for every webhook cost more than the HMAC over its body.
 */
public final class SignatureKey {

    private final SignatureScheme scheme;
    private final Mac keyed;

    SignatureKey(SignatureScheme scheme, Mac keyed) {
        this.scheme = scheme;
        this.keyed = keyed;
    }

    /** The header value the provider sends for this content. */
    public String sign(byte[] content) {
        return scheme.encode(mac().doFinal(content));
    }

    /**
     * Accepts the content only when {@code signature} is what the provider computes with this key; the
     * comparison takes the same time wherever the first difference is, so it leaks nothing about the HMAC.
     *
     * @throws WebhookRejectedException (401) when the signature is missing or does not match
     */
    public void verify(byte[] content, String signature) {
        if (signature == null || signature.isBlank()) {
            throw WebhookRejectedException.badSignature("missing " + scheme.header() + " header");
        }
        byte[] expected = sign(content).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, scheme.normalise(signature).getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRejectedException.badSignature(scheme.header() + " does not match the request");
        }
    }

    private Mac mac() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HMAC implementations are cloneable", e);
        }
    }
}
