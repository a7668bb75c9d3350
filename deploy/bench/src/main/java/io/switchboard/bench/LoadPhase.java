package io.switchboard.bench;

/**
 * One phase of webhook load and what became of it: sent for a while at {@code offeredPerSecond} (0: as fast as
 * the system accepts), then given time to queue what it accepted. Usage covers both, so the CPU of every accepted
 * contact's whole path falls inside it.
 */
record LoadPhase(String name, int offeredPerSecond, LoadDriver.Result load, long queued, double secondsToLastQueued,
        Latencies webhookToRouted, Latencies routedToQueued, Latencies webhookToQueued, ResourceUsage usage) {

    /** Contacts stored and pullable per second, from the first webhook to the last item queued. */
    double queuedPerSecond() {
        return queued / secondsToLastQueued;
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
