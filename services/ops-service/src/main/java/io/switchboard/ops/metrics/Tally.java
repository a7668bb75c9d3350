package io.switchboard.ops.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Running totals of one scope plus one {@link Counts} per second of the last 15 minutes, so the 1/5/15-minute
 * windows slide by the second. Events are placed by their own timestamp, not by arrival, so a replay from Kafka
 * after a restart rebuilds the same windows. A second's counts and the running wait histogram are allocated when
 * first used, so the tally of an agent, who touches few seconds and never waits, stays small.
 */
final class Tally {

    static final int SECONDS = 900;

    private final Counts total = new Counts();
    private final Second[] seconds = new Second[SECONDS];
    private WaitHistogram totalWaits;

    /** Applies a change to the totals and, when {@code at} lies in the last 15 minutes, to its second. */
    void record(Instant at, Instant now, Consumer<Counts> change) {
        change.accept(total);
        Second second = second(at, now);
        if (second != null) {
            change.accept(second.counts);
        }
    }

    void recordWait(Instant at, Instant now, long waitMillis) {
        if (totalWaits == null) {
            totalWaits = new WaitHistogram();
        }
        totalWaits.record(waitMillis);
        Second second = second(at, now);
        if (second != null) {
            second.addWait(waitMillis);
        }
    }

    Figures total() {
        return Figures.of(total, totalWaits == null ? null : totalWaits.percentile(0.9));
    }

    Figures window(Duration length, Instant now) {
        long newest = now.getEpochSecond();
        long oldest = newest - length.toSeconds();
        Counts sum = new Counts();
        long[] waits = new long[0];
        int waitCount = 0;
        for (Second second : seconds) {
            if (second != null && second.epochSecond > oldest && second.epochSecond <= newest) {
                sum.add(second.counts);
                if (waitCount + second.waitCount > waits.length) {
                    waits = Arrays.copyOf(waits, Math.max(2 * waits.length, waitCount + second.waitCount));
                }
                System.arraycopy(second.waits, 0, waits, waitCount, second.waitCount);
                waitCount += second.waitCount;
            }
        }
        return Figures.of(sum, percentile(waits, waitCount, 0.9));
    }

    /** Contacts received per minute over the last 15 minutes, oldest minute first. */
    long[] receivedPerMinute(Instant now) {
        long newest = now.getEpochSecond();
        long[] minutes = new long[SECONDS / 60];
        for (Second second : seconds) {
            long age = second == null ? -1 : newest - second.epochSecond;
            if (age >= 0 && age < SECONDS) {
                minutes[minutes.length - 1 - (int) (age / 60)] += second.counts.received;
            }
        }
        return minutes;
    }

    private Second second(Instant at, Instant now) {
        long newest = now.getEpochSecond();
        // A producer's clock slightly ahead of ours still lands in the current second.
        long epochSecond = Math.min(at.getEpochSecond(), newest);
        if (epochSecond <= newest - SECONDS) {
            return null;
        }
        int slot = (int) Math.floorMod(epochSecond, SECONDS);
        Second second = seconds[slot];
        if (second == null) {
            second = new Second();
            seconds[slot] = second;
        }
        if (second.epochSecond != epochSecond) {
            second.reset(epochSecond);
        }
        return second;
    }

    /** Frees the seconds that have left every window; they would only be reset when their slot comes round. */
    void forgetExpired(Instant now) {
        long oldest = now.getEpochSecond() - SECONDS;
        for (int slot = 0; slot < SECONDS; slot++) {
            if (seconds[slot] != null && seconds[slot].epochSecond <= oldest) {
                seconds[slot] = null;
            }
        }
    }

    private static Long percentile(long[] values, int count, double q) {
        if (count == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(q * count) - 1];
    }

    private static final class Second {
        long epochSecond = Long.MIN_VALUE;
        final Counts counts = new Counts();
        long[] waits = new long[0];
        int waitCount;

        void reset(long epochSecond) {
            this.epochSecond = epochSecond;
            counts.clear();
            waitCount = 0;
        }

        void addWait(long millis) {
            if (waitCount == waits.length) {
                waits = Arrays.copyOf(waits, Math.max(4, 2 * waits.length));
            }
            waits[waitCount++] = millis;
        }
    }
}
