package io.switchboard.bench;

import io.switchboard.runtime.Ports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Fault} injected and checked: the process was running, it is gone after the fault, its port stayed closed
 * through the outage, and a new process listens after the restart. A fault that did not happen proves nothing, so
 * each of these is a finding of the run.
 *
 * @param downSeconds from taking the part down until its restart began
 * @param problems    what did not happen as it should; empty when the fault really happened
 */
record Outage(Fault fault, long pidBefore, long pidAfter, double downSeconds, List<String> problems) {

    static Outage inject(Fault fault, Duration outage) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        long before = fault.pid().getAsLong();
        int port = fault.port().getAsInt();
        if (!alive(before) || !Ports.listening(port)) {
            problems.add("was not running before (pid " + before + ", port " + port + ")");
        }
        long down = System.nanoTime();
        fault.takeDown().run();
        if (alive(before)) {
            problems.add("pid " + before + " still alive after " + fault.action());
        }
        if (Ports.listening(port)) {
            problems.add("port " + port + " still open after " + fault.action());
        }
        Thread.sleep(outage.toMillis());
        if (Ports.listening(port)) {
            problems.add("port " + port + " open again before the restart");
        }
        double downSeconds = (System.nanoTime() - down) / 1e9;
        fault.restart().run();
        long after = fault.pid().getAsLong();
        if (after == before || !alive(after)) {
            problems.add("no new process after the restart (pid " + after + ")");
        }
        if (!Ports.listening(port)) {
            problems.add("port " + port + " not listening after the restart");
        }
        return new Outage(fault, before, after, downSeconds, List.copyOf(problems));
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** For the report: what shows that the fault happened. */
    String evidence() {
        return problems.isEmpty() ? "pid %d gone, port %d closed, back as pid %d".formatted(pidBefore,
                fault.port().getAsInt(), pidAfter) : String.join("; ", problems);
    }
}
