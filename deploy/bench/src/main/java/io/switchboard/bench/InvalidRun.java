package io.switchboard.bench;

/**
 * A run whose figures would mislead: the system refused much of the load it was given, or did nothing with it.
 * Such a run reports why and writes no figures.
 */
final class InvalidRun extends Exception {

    /** Failures beyond this share of the requests (0.1 %) make a run's throughput and latency meaningless. */
    static final double TOLERATED_FAILURES = 0.001;

    private InvalidRun(String reason) {
        super(reason);
    }

    static LoadPhase requireSound(LoadPhase phase) throws InvalidRun {
        LoadDriver.Result load = phase.load();
        if (load.rejected() > TOLERATED_FAILURES * load.sent()) {
            throw new InvalidRun("%s: %,d of %,d webhooks were not accepted (status → count, -1 = no answer: %s)%s"
                    .formatted(phase.name(), load.rejected(), load.sent(), load.failuresByStatus(),
                            load.failuresByStatus().containsKey(401) ? "; 401 means a signature was refused: is "
                                    + "SWITCHBOARD_PUBLIC_URL set, so that the phone and store adapters verify "
                                    + "against another URL than the one called?" : ""));
        }
        if (phase.queued() == 0) {
            throw new InvalidRun("%s: no contact was queued of the %,d accepted".formatted(phase.name(),
                    load.accepted()));
        }
        return phase;
    }

    static AgentPhase requireSound(AgentPhase phase) throws InvalidRun {
        requireSound("agents", phase.result());
        requireSound("agents at half pace", phase.paced());
        return phase;
    }

    private static void requireSound(String name, AgentFleet.Result result) throws InvalidRun {
        if (result.errors() > TOLERATED_FAILURES * (result.completed() + result.errors())) {
            throw new InvalidRun("%s: %,d errors against %,d items completed".formatted(name, result.errors(),
                    result.completed()));
        }
        if (result.completed() == 0) {
            throw new InvalidRun("%s: no item was completed (%,d pulls found nothing)".formatted(name,
                    result.emptyPulls()));
        }
    }
}
