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
        return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%,d)".formatted(percentileMillis(50),
                percentileMillis(95), percentileMillis(99), maxMillis(), count());
    }
}
