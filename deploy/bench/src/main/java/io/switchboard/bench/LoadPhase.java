package io.switchboard.bench;

/**
 * One phase of webhook load and what became of it: sent for a while at {@code offeredPerSecond} (0: as fast as
 * the system accepts), then given time to queue what it accepted. Usage covers both, so the CPU of every accepted
 * contact's whole path falls inside it. {@code queuedWhileSending} counts the contacts queued before the last
 * webhook was answered.
 */
record LoadPhase(String name, int offeredPerSecond, LoadDriver.Result load, long queued, long queuedWhileSending,
        double secondsToLastQueued, Latencies webhookToRouted, Latencies routedToQueued, Latencies webhookToQueued,
        ResourceUsage usage) {

    /**
     * Contacts stored and pullable per second while the webhooks kept coming: what the pipeline sustains with the
     * adapters busy beside it. A backlog queued after the sending stopped does not count: the pipeline then has
     * the cores to itself (sent as fast as the adapters accepted, most of full load was queued in the drain:
     * docs/benchmarks.md).
     */
    double queuedPerSecond() {
        return queuedWhileSending / load.seconds();
    }

    /** Accepted contacts not queued when the phase ended: the backlog it leaves to the next one. */
    long backlogLeft() {
        return load.accepted() - queued;
    }

    /** How long the backlog took to drain once sending stopped. */
    double drainSeconds() {
        return Math.max(0, secondsToLastQueued - load.seconds());
    }

    /** CPU time the stack (every process but the load generator) spent per contact queued. */
    double cpuMillisPerContact() {
        return 1000 * usage.stackCpuSeconds() / queued;
    }
}
