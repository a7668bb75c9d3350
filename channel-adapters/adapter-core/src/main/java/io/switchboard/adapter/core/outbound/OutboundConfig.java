package io.switchboard.adapter.core.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How {@link OutboundDelivery} retries a provider that failed transiently (429, 5xx, unreachable). */
@ConfigMapping(prefix = "switchboard.outbound")
public interface OutboundConfig {

    Retry retry();

    interface Retry {

        /** The wait after the first failure; doubled after each further one. */
        @WithDefault("1s")
        Duration initialDelay();

        @WithDefault("30s")
        Duration maxDelay();

        /** After this the reply is {@code FAILED} with the provider's last error. */
        @WithDefault("2m")
        Duration giveUpAfter();
    }
}
