package io.switchboard.bench;

import io.switchboard.runtime.SwitchboardStack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * Runs load phases against one stack: sends for a while, then waits, bounded, until everything accepted is queued,
 * so that a phase's backlog does not slow down and pollute the next one.
 */
final class LoadPhases {

    // Nothing queued for this long means the pipeline is stuck, not slow: stop waiting for it.
    private static final Duration STUCK = Duration.ofSeconds(15);
    // Full load: enough requests in flight to keep five adapters busy. Open loop: so many that a slow system shows
    // up as latency, not as a sender that slows down with it.
    private static final int SATURATING_IN_FLIGHT = 512;
    private static final int OPEN_LOOP_IN_FLIGHT = 2048;
    // Full load goes as fast as the whole pipeline queues: at most this many contacts sent and not yet queued,
    // enough to fill every stage's batches. As fast as the adapters accept, they took five times what the pipeline
    // queued meanwhile and starved it of the cores (docs/benchmarks.md).
    static final int SATURATING_IN_PIPELINE = 2000;

    private final SwitchboardStack stack;
    private final HttpClient client;
    private final TrafficMix traffic;
    private final Duration drainBound;

    LoadPhases(SwitchboardStack stack, HttpClient client, TrafficMix traffic, Duration drainBound) {
        this.stack = stack;
        this.client = client;
        this.traffic = traffic;
        this.drainBound = drainBound;
    }

    /** @param ratePerSecond webhooks offered per second, or 0 for as fast as the whole pipeline queues them */
    LoadPhase run(String name, int ratePerSecond, Duration duration) throws InterruptedException {
        return run(name, ratePerSecond, duration, drainBound);
    }

    /** As {@link #run(String, int, Duration)}, waiting up to {@code drain} for the phase's backlog to be queued. */
    LoadPhase run(String name, int ratePerSecond, Duration duration, Duration drain) throws InterruptedException {
        LoadDriver driver = new LoadDriver(client, stack::url);
        try (PipelineWatcher watcher = new PipelineWatcher(stack.bootstrapServers(), driver);
             ProcessSampler sampler = new ProcessSampler(stack).start()) {
            long start = System.nanoTime();
            Semaphore untilQueued = null;
            if (ratePerSecond == 0) {
                untilQueued = new Semaphore(SATURATING_IN_PIPELINE);
                watcher.onQueued(untilQueued::release);
            }
            LoadDriver.Result load = driver.run(traffic, ratePerSecond, duration,
                    ratePerSecond == 0 ? SATURATING_IN_FLIGHT : OPEN_LOOP_IN_FLIGHT, untilQueued);
            Instant answered = Instant.now();
            watcher.awaitQueued(load.accepted(), drain, STUCK);
            ResourceUsage usage = sampler.stop();
            return new LoadPhase(name, ratePerSecond, load, watcher.queued(), watcher.queuedBy(answered),
                    (watcher.lastQueuedNanos() - start) / 1e9, watcher.webhookToRouted, watcher.routedToQueued,
                    watcher.webhookToQueued, usage);
        }
    }
}
