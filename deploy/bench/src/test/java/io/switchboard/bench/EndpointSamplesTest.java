package io.switchboard.bench;

import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;
import io.switchboard.runtime.gateway.WebhookSecrets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzzer's deliveries are signed as the providers sign (provider-test-vectors.md), for every endpoint. */
class EndpointSamplesTest {

    private static final WebhookSecrets VECTORS = new WebhookSecrets("12345", "secret", "verify",
            "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu", "test-webhook-secret", "woocommerce", "webshop",
            "store");

    private final EndpointSamples samples = new EndpointSamples(new Gateways(service -> "http://127.0.0.1:1", VECTORS), VECTORS);

    @Test
    void oneSignedDeliveryForEveryEndpoint() {
        List<SignedWebhook> all = samples.all("t1");

        assertThat(all).extracting(EndpointSamples::endpoint).containsExactlyInAnyOrder("/webhooks/twilio/voice",
                "/webhooks/twilio/voice/gather", "/webhooks/twilio/voice/status", "/webhooks/twilio/voice/dial-status",
                "/webhooks/twilio/voice/callback", "/webhooks/twilio/voice/survey", "/webhooks/twilio/voice/survey/comment",
                "/webhooks/whatsapp", "/webhooks/meta", "/webhooks/x", "/webhooks/webshop/contact", "/webhooks/shopify", "/webhooks/woocommerce",
                "/webhooks/store/visits");
        assertThat(all).allSatisfy(webhook -> assertThat(webhook.headers().get(EndpointSamples.signatureHeader(webhook)))
                .isNotBlank());
    }

    @Test
    void resignsShopifyAsTheVendorsVector() {
        SignedWebhook shopify = sample("/webhooks/shopify");

        SignedWebhook resigned = samples.resigned(shopify,
                "{\"id\":1234567890,\"email\":\"customer@example.com\",\"total_price\":\"123.45\"}");

        assertThat(resigned.headers()).containsEntry("X-Shopify-Hmac-Sha256", "QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zldc0Gw=")
                .containsEntry("X-Shopify-Topic", "orders/cancelled");
    }

    @Test
    void resignsXAsItsCrcVector() {
        SignedWebhook resigned = samples.resigned(sample("/webhooks/x"), "9b4507b3-9040-4669-9ca3-6b94edb50553");

        assertThat(resigned.headers()).containsEntry("x-twitter-webhooks-signature",
                "sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=");
    }

    @Test
    void leavesTheSignatureOutOfAnUnsignedDelivery() {
        SignedWebhook woo = sample("/webhooks/woocommerce");

        SignedWebhook unsigned = EndpointSamples.withHeader(woo, EndpointSamples.signatureHeader(woo), null, woo.body());

        assertThat(unsigned.headers()).containsOnlyKeys("X-WC-Webhook-Topic");
    }

    private SignedWebhook sample(String endpoint) {
        return samples.all("t2").stream().filter(webhook -> EndpointSamples.endpoint(webhook).equals(endpoint))
                .findFirst().orElseThrow();
    }
}
