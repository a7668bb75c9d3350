package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * Counters one service instance observed for one channel in one time window, published on
 * {@link Topics#CHANNEL_METRICS} keyed by channel. Windows of different instances add up.
 *
 * @param source   the emitting service and instance, e.g. {@code routing-engine/host-1}
 * @param counters counter name to count in the window, e.g. {@code routed.FRONT_OFFICE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelMetrics(
        int schemaVersion,
        Channel channel,
        String source,
        Instant windowStart,
        Instant windowEnd,
        Map<String, Long> counters) {

    public static final int SCHEMA_VERSION = 1;

    public ChannelMetrics {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }
}
