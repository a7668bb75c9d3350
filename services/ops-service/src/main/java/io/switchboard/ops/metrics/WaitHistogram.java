package io.switchboard.ops.metrics;

/**
 * Waits since the start, in bounded memory: 10 ms resolution below a minute, 1 s below an hour, 1 min below a day.
 * Good enough for a running 90th percentile; the sliding windows keep exact samples instead.
 */
final class WaitHistogram {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;
    private static final long DAY = 86_400_000;
    private static final int FINE = (int) (MINUTE / 10);
    private static final int MEDIUM = (int) ((HOUR - MINUTE) / 1000);
    private static final int COARSE = (int) ((DAY - HOUR) / MINUTE);

    private final long[] counts = new long[FINE + MEDIUM + COARSE + 1];
    private long total;
    private long max;

    void record(long millis) {
        long value = Math.max(0, millis);
        counts[index(value)]++;
        total++;
        max = Math.max(max, value);
    }

    /** The nearest-rank percentile (0 < q ≤ 1) as the upper edge of its bucket, never above the largest wait. */
    Long percentile(double q) {
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperEdge(i), max);
            }
        }
        return max;
    }

    private static int index(long millis) {
        if (millis < MINUTE) {
            return (int) (millis / 10);
        }
        if (millis < HOUR) {
            return FINE + (int) ((millis - MINUTE) / 1000);
        }
        if (millis < DAY) {
            return FINE + MEDIUM + (int) ((millis - HOUR) / MINUTE);
        }
        return FINE + MEDIUM + COARSE;
    }

    private static long upperEdge(int index) {
        if (index < FINE) {
            return (index + 1) * 10L;
        }
        if (index < FINE + MEDIUM) {
            return MINUTE + (index - FINE + 1) * 1000L;
        }
        if (index < FINE + MEDIUM + COARSE) {
            return HOUR + (index - FINE - MEDIUM + 1) * MINUTE;
        }
        return Long.MAX_VALUE;
    }
}
