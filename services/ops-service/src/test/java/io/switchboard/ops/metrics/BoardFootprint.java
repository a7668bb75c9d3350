package io.switchboard.ops.metrics;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.ops.ContactEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.switchboard.contracts.LifecycleEventType.ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.COMPLETED;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;

/**
 * Measures the board's heap and CPU for a replay: {@code N} contacts over {@code DAYS} days, each routed, queued,
 * accepted and completed, one customer in ten coming back about the same subject, fed straight into the
 * {@link ChannelBoard} (no Kafka: what is measured is what the board keeps, not the client). Prints the heap used
 * after a full GC every tenth of the way, so a bound shows as a flat line. docs/scaling.md has the figures. With
 * {@code open} the contacts are only queued, never handled: a backlog beyond the cap (docs/benchmarks.md).
 * <pre>java -Xmx2g -cp ... io.switchboard.ops.metrics.BoardFootprint 2000000 7 [maxContacts [open]]</pre>
 */
public final class BoardFootprint {

    private BoardFootprint() {
    }

    public static void main(String[] args) {
        int contacts = Integer.parseInt(args[0]);
        int days = Integer.parseInt(args[1]);
        int maxContacts = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        boolean open = args.length > 3 && args[3].equals("open");
        ChannelBoard board = new ChannelBoard(settings(maxContacts));
        Instant end = Instant.now();
        Instant start = end.minus(Duration.ofDays(days));
        long spacingMillis = Duration.ofDays(days).toMillis() / contacts;
        System.out.printf("baseline heap %d MB%n", usedMegabytes());
        long cpuStart = System.nanoTime();
        Channel[] channels = Channel.values();
        for (int i = 0; i < contacts; i++) {
            Instant at = start.plusMillis(i * spacingMillis);
            String customer = "customer-" + (i % 10 == 0 ? i / 10 : i);
            ContactRouted routed = ContactEvents.routed(channels[i % channels.length], customer,
                    io.switchboard.contracts.Intent.INFORMATION, "Wat zijn de openingstijden?", at);
            board.routed(routed, at);
            List<LifecycleEvent> steps = open ? List.of(ContactEvents.step(routed, QUEUED, at, at)) : List.of(
                    ContactEvents.step(routed, QUEUED, at, at),
                    ContactEvents.step(routed, ACCEPTED, at, at.plusSeconds(30)),
                    ContactEvents.step(routed, COMPLETED, at, at.plusSeconds(300), "agent-1",
                            Map.of("firstContactResolution", "true")));
            for (LifecycleEvent event : steps) {
                board.lifecycle(event, at);
            }
            if ((i + 1) % (contacts / 10) == 0) {
                System.out.printf("%,d contacts: heap %d MB, %,d remembered, %.1f s%n", i + 1, usedMegabytes(),
                        board.rememberedContacts(), (System.nanoTime() - cpuStart) / 1e9);
            }
        }
        board.forgetFinished(end);
        System.out.printf("after the minute's clean-up: heap %d MB, %,d remembered%n", usedMegabytes(),
                board.rememberedContacts());
    }

    private static <T> Map<String, T> perChannel(T value) {
        return Map.of("phone", value, "whatsapp", value, "social", value, "webshop", value, "store", value);
    }

    private static long usedMegabytes() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    /** Settings with every channel alike and {@code maxContacts} as the cap; the cap test uses them too. */
    static OpsSettings settings(int maxContacts) {
        OpsSettings.ChannelPolicy policy = new OpsSettings.ChannelPolicy() {
            public Duration serviceLevelTarget() { return Duration.ofMinutes(5); }
            public double serviceLevelGoal() { return 0.8; }
            public Duration maxExpectedWait() { return Duration.ofHours(1); }
            public Duration queueAgeLimit() { return Duration.ofHours(1); }
        };
        return new OpsSettings() {
            public Map<String, ChannelPolicy> channels() {
                return Map.of("phone", policy, "whatsapp", policy, "social", policy, "webshop", policy,
                        "store", policy);
            }
            public Duration shortAbandon() { return Duration.ofSeconds(5); }
            public Duration repeatContactWindow() { return Duration.ofDays(7); }
            public Duration finishedContactRetention() { return Duration.ofHours(24); }
            public int maxContacts() { return maxContacts; }
            public int maxRepeatSubjects() { return 500_000; }
            public Alerts alerts() { return null; }
            public Cost cost() {
                return new Cost() {
                    public String currency() { return "EUR"; }
                    public Map<String, Double> perHandlingMinute() { return perChannel(0.5); }
                    public Map<String, Integer> concurrency() { return perChannel(1); }
                };
            }
            public Calendar calendar() { return null; }
            public List<Channel> alternatives() { return List.of(); }
        };
    }
}
