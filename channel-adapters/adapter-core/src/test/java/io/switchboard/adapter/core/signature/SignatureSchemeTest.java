package io.switchboard.adapter.core.signature;

import io.switchboard.adapter.core.problem.Rejection;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every vector of provider-test-vectors.md, each as published by the provider (docs or official SDK tests). */
class SignatureSchemeTest {

    @Test
    void twilioVectorFromTwilioDocs() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("Digits", List.of("1234"));
        parameters.put("CallSid", List.of("CA1234567890ABCDE"));
        parameters.put("To", List.of("+18005551212"));
        parameters.put("Caller", List.of("+14158675309"));
        parameters.put("From", List.of("+14158675309"));
        byte[] content = SignedContent.twilio("https://mycompany.com/myapp.php?foo=1&bar=2", parameters);

        assertThat(SignatureScheme.TWILIO.sign("12345", content)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertAccepted(SignatureScheme.TWILIO, "12345", content, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void metaVector() {
        byte[] body = bytes("test");
        String expected = "sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914";
        assertThat(SignatureScheme.META.sign("secret", body)).isEqualTo(expected);
        assertAccepted(SignatureScheme.META, "secret", body, expected);
        assertAccepted(SignatureScheme.META, "secret", body, expected.toUpperCase().replace("SHA256=", "sha256="));
    }

    @Test
    void shopifyVector() {
        byte[] body = bytes("{\"id\":1234567890,\"email\":\"customer@example.com\",\"total_price\":\"123.45\"}");
        assertThat(SignatureScheme.SHOPIFY.sign("test-webhook-secret", body))
                .isEqualTo("QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zldc0Gw=");
        assertAccepted(SignatureScheme.SHOPIFY, "test-webhook-secret", body, "QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zldc0Gw=");
    }

    @Test
    void wooCommerceVectorWithEmptySecret() {
        byte[] body = bytes("secret");
        assertThat(SignatureScheme.WOOCOMMERCE.sign("", body)).isEqualTo("GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=");
        assertAccepted(SignatureScheme.WOOCOMMERCE, "", body, "GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=");
    }

    @Test
    void xCrcVector() {
        assertThat(SignatureScheme.X.sign("z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu",
                bytes("9b4507b3-9040-4669-9ca3-6b94edb50553")))
                .isEqualTo("sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=");
    }

    @Test
    void qminderSignsUrlThenBodyAsHex() {
        byte[] content = SignedContent.urlAndBody("https://switchboard.example/webhooks/store/visits", bytes("{}"));
        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("https://switchboard.example/webhooks/store/visits{}");
        assertThat(SignatureScheme.QMINDER.sign("s", content)).matches("[0-9a-f]{64}");
    }

    @Test
    void refusesForgedAlteredAndMissingSignatures() {
        byte[] body = bytes("test");
        String genuine = SignatureScheme.META.sign("secret", body);

        assertRejected(() -> SignatureScheme.META.key("secret").verify(body, SignatureScheme.META.sign("guessed", body)));
        assertRejected(() -> SignatureScheme.META.key("secret").verify(bytes("test "), genuine));
        assertRejected(() -> SignatureScheme.META.key("secret").verify(body, genuine.substring(0, 20)));
        assertRejected(() -> SignatureScheme.META.key("secret").verify(body, null));
        assertThatThrownBy(() -> SignatureScheme.META.key("secret").verify(body, ""))
                .hasMessageContaining("missing X-Hub-Signature-256");
    }

    @Test
    void oneKeySignsEveryRequestAsAFreshOneDoes() {
        SignatureKey key = SignatureScheme.META.key("secret");
        for (String body : new String[] {"first", "second", "first"}) {
            assertThat(key.sign(bytes(body))).isEqualTo(SignatureScheme.META.sign("secret", bytes(body)));
        }
    }

    private static void assertAccepted(SignatureScheme scheme, String secret, byte[] content, String signature) {
        assertThatCode(() -> scheme.key(secret).verify(content, signature)).doesNotThrowAnyException();
    }

    private static void assertRejected(Runnable verification) {
        assertThatThrownBy(verification::run).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.rejection()).isEqualTo(Rejection.SIGNATURE));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
