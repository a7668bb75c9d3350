package io.switchboard.bench;

import org.HdrHistogram.ConcurrentHistogram;

/** A latency distribution in microseconds, safe to record into from many threads. */
final class Latencies {

    // Auto-resizing: a stalled pipeline must show up as a long latency, not break the recording.
    private final ConcurrentHistogram histogram = new ConcurrentHistogram(3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1000.0;
    }

    String summary() {
        if (count() == 0) {
            return "no samples";
        }
        return "p50 %s, p95 %s, p99 %s, max %s (n=%,d)".formatted(format(percentileMillis(50)),
                format(percentileMillis(95)), format(percentileMillis(99)), format(maxMillis()), count());
    }

    /** "p50 / p99", for tables that put many distributions side by side. */
    String medianAndP99() {
        return count() == 0 ? "no samples" : format(percentileMillis(50)) + " / " + format(percentileMillis(99));
    }

    /** In the unit a reader compares with: ms below 10 s (a decimal below 10 ms), seconds above. */
    static String format(double millis) {
        if (millis < 10) {
            return "%.1f ms".formatted(millis);
        }
        return millis < 10_000 ? "%,.0f ms".formatted(millis) : "%.1f s".formatted(millis / 1000);
    }
}
