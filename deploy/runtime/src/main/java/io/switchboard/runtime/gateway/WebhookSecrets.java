package io.switchboard.runtime.gateway;

import java.util.Map;

/**
 * The secrets the gateways sign their webhooks with and the adapters verify them with, by the environment
 * variables of docs/configuration.md. A stack hands one set to its adapters and its {@link Gateways} signs with the
 * same set, so a load generator and the services it started can never disagree. The packaged adapters run in the
 * prod profile, where a secret without its variable stops them at start: every secret is always handed over.
 */
public record WebhookSecrets(String twilioAuthToken, String metaAppSecret, String whatsappVerifyToken,
        String xConsumerSecret, String shopifySecret, String wooCommerceSecret, String webshopSecret, String storeSecret) {

    /** The adapters' dev and test defaults (their application.properties): public, for local runs and measurements only. */
    public static final WebhookSecrets LOCAL = new WebhookSecrets("local-twilio-auth-token", "local-meta-app-secret",
            "local-whatsapp-verify-token", "local-x-consumer-secret", "local-shopify-secret", "local-woocommerce-secret",
            "local-webshop-secret", "local-store-secret");

    /** What the adapters would use in {@code environment}: each variable that is set, else its local default. */
    public static WebhookSecrets fromEnvironment(Map<String, String> environment) {
        return new WebhookSecrets(
                environment.getOrDefault("SWITCHBOARD_TWILIO_AUTH_TOKEN", LOCAL.twilioAuthToken),
                environment.getOrDefault("SWITCHBOARD_META_APP_SECRET", LOCAL.metaAppSecret),
                environment.getOrDefault("SWITCHBOARD_WHATSAPP_VERIFY_TOKEN", LOCAL.whatsappVerifyToken),
                environment.getOrDefault("SWITCHBOARD_X_CONSUMER_SECRET", LOCAL.xConsumerSecret),
                environment.getOrDefault("SWITCHBOARD_SHOPIFY_SECRET", LOCAL.shopifySecret),
                environment.getOrDefault("SWITCHBOARD_WOOCOMMERCE_SECRET", LOCAL.wooCommerceSecret),
                environment.getOrDefault("SWITCHBOARD_WEBSHOP_SECRET", LOCAL.webshopSecret),
                environment.getOrDefault("SWITCHBOARD_STORE_SECRET", LOCAL.storeSecret));
    }

    /** As the environment variables the adapters read. */
    public Map<String, String> asEnvironment() {
        return Map.of(
                "SWITCHBOARD_TWILIO_AUTH_TOKEN", twilioAuthToken,
                "SWITCHBOARD_META_APP_SECRET", metaAppSecret,
                "SWITCHBOARD_WHATSAPP_VERIFY_TOKEN", whatsappVerifyToken,
                "SWITCHBOARD_X_CONSUMER_SECRET", xConsumerSecret,
                "SWITCHBOARD_SHOPIFY_SECRET", shopifySecret,
                "SWITCHBOARD_WOOCOMMERCE_SECRET", wooCommerceSecret,
                "SWITCHBOARD_WEBSHOP_SECRET", webshopSecret,
                "SWITCHBOARD_STORE_SECRET", storeSecret);
    }

    /** Never the secrets themselves in logs or reports. */
    @Override
    public String toString() {
        return equals(LOCAL) ? "WebhookSecrets[local defaults]" : "WebhookSecrets[set]";
    }
}
