package io.switchboard.adapter.core.signature;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside dev and test a secret has no default: the adapter refuses to start, naming the variable to set. */
class WebhookSecretTest {

    @Test
    void missingSecretStopsTheStartNamingTheEnvironmentVariable() {
        assertThatThrownBy(() -> WebhookSecret.required(Optional.empty(), "SWITCHBOARD_WOOCOMMERCE_SECRET"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set the environment variable SWITCHBOARD_WOOCOMMERCE_SECRET");
    }

    @Test
    void blankSecretIsMissingToo() {
        assertThatThrownBy(() -> WebhookSecret.required(Optional.of("  "), "SWITCHBOARD_STORE_SECRET"))
                .hasMessageContaining("SWITCHBOARD_STORE_SECRET");
    }

    @Test
    void configuredSecretIsUsed() {
        assertThat(WebhookSecret.required(Optional.of("s3cret"), "SWITCHBOARD_STORE_SECRET")).isEqualTo("s3cret");
    }
}
