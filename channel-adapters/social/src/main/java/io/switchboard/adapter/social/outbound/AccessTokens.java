package io.switchboard.adapter.social.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bearer tokens replies are sent with, from the environment like the webhook secrets. A Page access token may
 * be given per page or Instagram account ({@code SWITCHBOARD_META_PAGE_ACCESS_TOKEN_<id>}), else the one of
 * {@code SWITCHBOARD_META_PAGE_ACCESS_TOKEN} is used. Webhooks do not need them, so the adapter starts without
 * them; a reply without its token fails visibly, naming the variable. X surveys need OAuth 1.0a credentials
 * besides ({@link #xOAuth1()}).
 */
@ApplicationScoped
class AccessTokens {

    static final String META = "switchboard.meta.page-access-token";
    static final String X = "switchboard.x.access-token";
    static final String X_OAUTH1 = "switchboard.x.oauth1.";

    private final Config config;

    AccessTokens(Config config) {
        this.config = config;
    }

    /** The Page access token for the page or Instagram account the customer wrote to. */
    String meta(String account) {
        return bearer(value(META + "." + account).or(() -> value(META)),
                "SWITCHBOARD_META_PAGE_ACCESS_TOKEN (or SWITCHBOARD_META_PAGE_ACCESS_TOKEN_" + account + ")");
    }

    /** The OAuth 2.0 user access token of the X account. */
    String x() {
        return bearer(value(X), "SWITCHBOARD_X_ACCESS_TOKEN");
    }

    /**
     * The X account's OAuth 1.0a credentials, for the v1.1 direct message events that carry a survey's quick
     * replies: the app's consumer key and secret (the secret also signs the webhooks) and the account's access token
     * and its secret.
     */
    OAuth1 xOAuth1() {
        String missing = "SWITCHBOARD_X_CONSUMER_KEY, SWITCHBOARD_X_CONSUMER_SECRET, SWITCHBOARD_X_OAUTH1_ACCESS_TOKEN "
                + "and SWITCHBOARD_X_OAUTH1_ACCESS_TOKEN_SECRET";
        return new OAuth1(required(X_OAUTH1 + "consumer-key", missing),
                required("switchboard.x.consumer-secret", missing),
                required(X_OAUTH1 + "access-token", missing), required(X_OAUTH1 + "access-token-secret", missing));
    }

    /**
     * Calls a provider. Only a connection that could not be made is worth another try: after a timeout the request
     * may have been posted, so that failure propagates and the loop reports the reply UNCONFIRMED instead of
     * possibly answering the customer twice (neither the Graph API nor X takes an idempotency key).
     */
    static <T> T reaching(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            throw ProviderException.ofTransportFailure(e);
        }
    }

    private Optional<String> value(String property) {
        return config.getOptionalValue(property, String.class).filter(token -> !token.isBlank());
    }

    private String required(String property, String variables) {
        return value(property).orElseThrow(() -> ProviderException.undeliverable("X surveys are not configured: set "
                + variables));
    }

    private static String bearer(Optional<String> token, String variable) {
        return "Bearer " + token.orElseThrow(() -> ProviderException.undeliverable("no access token: set " + variable));
    }
}
