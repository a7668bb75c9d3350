package io.switchboard.ops.metrics;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ChannelMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters producers report on {@code channel.metrics}. Windows of different instances add up (that is the
 * contract); a window redelivered by Kafka is counted once, recognised by its source and bounds. Counters named
 * {@code agents.*} and {@code items.*} are levels, not counts ({@code agents.available}, {@code items.stranded}):
 * every work-service instance reads the same tables, so the latest level of each source is taken and the highest of
 * the fresh ones wins.
 */
final class ReportedCounters {

    static final String AGENTS_AVAILABLE = "agents.available";
    static final String ITEMS_STRANDED = "items.stranded";
    private static final Duration FRESH = Duration.ofMinutes(2);

    private record Level(Instant windowEnd, long value) {
    }

    private final Map<Channel, Map<String, Long>> sums = new EnumMap<>(Channel.class);
    private final Map<String, Instant> seenWindows = new HashMap<>();
    private final Map<Channel, Map<String, Map<String, Level>>> levels = new EnumMap<>(Channel.class);

    /** Adds a reported window; false when this window of this source was counted before. */
    boolean add(ChannelMetrics metrics) {
        String window = metrics.channel() + "|" + metrics.source() + "|" + metrics.windowStart() + "|" + metrics.windowEnd();
        if (seenWindows.putIfAbsent(window, metrics.windowEnd()) != null) {
            return false;
        }
        metrics.counters().forEach((name, value) -> {
            if (name.startsWith("agents.") || name.startsWith("items.")) {
                levels.computeIfAbsent(metrics.channel(), c -> new HashMap<>())
                        .computeIfAbsent(name, n -> new HashMap<>())
                        .merge(metrics.source(), new Level(metrics.windowEnd(), value),
                                (old, now) -> now.windowEnd().isBefore(old.windowEnd()) ? old : now);
            } else {
                sums.computeIfAbsent(metrics.channel(), c -> new TreeMap<>()).merge(name, value, Long::sum);
            }
        });
        return true;
    }

    Map<String, Long> sums(Channel channel) {
        return Map.copyOf(sums.getOrDefault(channel, Map.of()));
    }

    /** The highest level a source reported in the last two minutes, or null when none is fresh. */
    Long level(Channel channel, String name, Instant now) {
        return levels.getOrDefault(channel, Map.of()).getOrDefault(name, Map.of()).values().stream()
                .filter(level -> level.windowEnd().isAfter(now.minus(FRESH)))
                .map(Level::value)
                .max(Long::compare)
                .orElse(null);
    }

    void forgetBefore(Instant horizon) {
        seenWindows.values().removeIf(windowEnd -> windowEnd.isBefore(horizon));
    }
}
