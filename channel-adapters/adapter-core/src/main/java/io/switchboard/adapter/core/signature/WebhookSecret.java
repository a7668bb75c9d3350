package io.switchboard.adapter.core.signature;

import java.util.Optional;

/**
 * A gateway's webhook secret from configuration. Only the dev and test profiles have defaults (public
 * {@code local-…} values); elsewhere a missing secret stops the adapter at start with the variable to set, instead
 * of verifying signatures with a secret anyone can read in the repository.
 */
public final class WebhookSecret {

    private WebhookSecret() {
    }

    /**
     * @param value               the configured secret, empty when the variable is unset in this profile
     * @param environmentVariable where the secret comes from (docs/configuration.md)
     * @throws IllegalStateException naming the variable when there is no secret
     */
    public static String required(Optional<String> value, String environmentVariable) {
        return value.filter(secret -> !secret.isBlank()).orElseThrow(() -> new IllegalStateException(
                "Missing webhook secret: set the environment variable " + environmentVariable + ". Outside the dev "
                        + "and test profiles there is no default, because the local development secrets are public "
                        + "(docs/configuration.md)."));
    }
}
