package io.switchboard.work.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "switchboard.work")
public interface WorkSettings {

    /** How long a reserved item waits for the agent's accept before it returns to its queue. */
    @WithDefault("60s")
    Duration reservationTimeout();

    /** How long an agent may make no call before it counts as offline and its items return to the queue. */
    @WithDefault("120s")
    Duration presenceTimeout();

    /** The longest long poll a client may ask for. */
    @WithDefault("60s")
    Duration maxWait();

    /** How far back completions count for the handling rate behind expected waits. */
    @WithDefault("30m")
    Duration rateWindow();

    /** The handling time assumed for expected waits while no completions are recent. */
    @WithDefault("5m")
    Duration nominalHandlingTime();

    /** How often the available agents per channel are reported on {@code channel.metrics}. */
    @WithDefault("10s")
    Duration availabilityInterval();
}
