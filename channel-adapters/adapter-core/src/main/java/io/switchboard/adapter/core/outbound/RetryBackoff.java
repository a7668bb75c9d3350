package io.switchboard.adapter.core.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * Exponential back-off: the first delay, doubled after each try up to a ceiling, until the next wait would end
 * after the time allowed. One instance per message being retried; not thread-safe.
 */
final class RetryBackoff {

    private final Duration maxDelay;
    private final long deadline;
    private Duration next;

    private RetryBackoff(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {
        this.next = initialDelay;
        this.maxDelay = maxDelay;
        this.deadline = System.nanoTime() + giveUpAfter.toNanos();
    }

    static RetryBackoff of(OutboundConfig.Retry retry) {
        return new RetryBackoff(retry.initialDelay(), retry.maxDelay(), retry.giveUpAfter());
    }

    /** Retries without end (Kafka must come back before the loop can go on), at most {@code maxDelay} apart. */
    static RetryBackoff endless(OutboundConfig.Retry retry) {
        return new RetryBackoff(retry.initialDelay(), retry.maxDelay(), Duration.ofNanos(Long.MAX_VALUE / 2));
    }

    /** How long to wait before the next try, or empty when the time allowed is used up. */
    Optional<Duration> next() {
        Duration delay = next;
        if (System.nanoTime() + delay.toNanos() > deadline) {
            return Optional.empty();
        }
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
        return Optional.of(delay);
    }
}
