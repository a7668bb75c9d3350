package io.switchboard.ops.unmapped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.UnmappedDelivery;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed deliveries the adapters could not map ({@code contacts.unmapped}): how many per channel and reason,
 * and the latest few, without their bodies (those stay on the topic for the replay after a fix). Each delivery
 * counts once by its id, so a redelivery or a replay of the topic counts nothing twice.
 */
@ApplicationScoped
public class UnmappedDeliveries {

    static final int LATEST_KEPT = 20;
    /**
     * Reasons are a short fixed set (see {@link UnmappedDelivery#reason()}), but they come off a topic: past this many
     * per channel they count as {@link #OTHER_REASONS}, so no producer can grow the meters without bound.
     */
    static final int REASONS_PER_CHANNEL = 20;
    static final String OTHER_REASONS = "other reasons";
    /** Arrival times kept per channel for the alert's window: a flood is one alert, not a growing list. */
    static final int ARRIVALS_KEPT = 1_000;
    /** Enough to recognise redeliveries, which follow within hours; bounded, like everything this service keeps. */
    private static final int IDS_REMEMBERED = 10_000;

    private final MeterRegistry registry;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > IDS_REMEMBERED;
        }
    };
    private final Map<Channel, Map<String, Counter>> counters = new HashMap<>();
    private final Deque<Unmapped> latest = new ArrayDeque<>();
    private final Map<Channel, Deque<Instant>> arrivals = new EnumMap<>(Channel.class);
    private long total;

    public UnmappedDeliveries(MeterRegistry registry) {
        this.registry = registry;
    }

    public synchronized void record(UnmappedDelivery delivery) {
        if (seen.put(delivery.deliveryId(), Boolean.TRUE) != null) {
            return;
        }
        total++;
        counter(delivery.channel(), delivery.reason() == null ? "unknown" : delivery.reason()).increment();
        latest.addFirst(new Unmapped(delivery.deliveryId(), delivery.channel(), delivery.provider(),
                delivery.endpoint(), delivery.reason(), delivery.detail(), delivery.receivedAt()));
        while (latest.size() > LATEST_KEPT) {
            latest.removeLast();
        }
        if (delivery.receivedAt() != null) {
            Deque<Instant> times = arrivals.computeIfAbsent(delivery.channel(), c -> new ArrayDeque<>());
            times.addFirst(delivery.receivedAt());
            if (times.size() > ARRIVALS_KEPT) {
                times.removeLast();
            }
        }
    }

    /** Per channel, how many deliveries were received after {@code since} (at most {@link #ARRIVALS_KEPT}). */
    public synchronized Map<Channel, Long> receivedSince(Instant since) {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        arrivals.forEach((channel, times) -> {
            long recent = times.stream().filter(time -> time.isAfter(since)).count();
            if (recent > 0) {
                counts.put(channel, recent);
            }
        });
        return counts;
    }

    public synchronized Summary summary() {
        List<ReasonCount> counts = counters.entrySet().stream()
                .flatMap(channel -> channel.getValue().entrySet().stream().map(reason ->
                        new ReasonCount(channel.getKey(), reason.getKey(), (long) reason.getValue().count())))
                .sorted(Comparator.comparing(ReasonCount::channel).thenComparing(ReasonCount::reason))
                .toList();
        return new Summary(total, counts, List.copyOf(latest));
    }

    private Counter counter(Channel channel, String reason) {
        Map<String, Counter> reasons = counters.computeIfAbsent(channel, c -> new HashMap<>());
        String tag = reasons.containsKey(reason) || reasons.size() < REASONS_PER_CHANNEL ? reason : OTHER_REASONS;
        return reasons.computeIfAbsent(tag, r -> Counter.builder("switchboard.ops.unmapped.deliveries")
                .description("Signed deliveries an adapter could not map, kept raw on contacts.unmapped")
                .tag("channel", channel.name()).tag("reason", r).register(registry));
    }

    /** What the board shows of an unmapped delivery: never its body. */
    public record Unmapped(String deliveryId, Channel channel, String provider, String endpoint, String reason,
            String detail, Instant receivedAt) {
    }

    public record ReasonCount(Channel channel, String reason, long count) {
    }

    /** All unmapped deliveries seen, counted per channel and reason, and the latest ones (newest first). */
    public record Summary(long total, List<ReasonCount> counts, List<Unmapped> latest) {
    }
}
