package io.switchboard.bench;

import io.switchboard.runtime.SwitchboardStack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A fleet of agents signed on and working the backlog the load phases left: first as fast as they can (the agents'
 * throughput), then each handling every item for a random time, at half that pace (what an agent waits for when the
 * system is not saturated: with no handling time, 200 agents each waiting for its next item are a closed loop whose
 * pull latency is 200 / throughput). The agents' path (JWT, pull, accept, complete) has not run before this phase,
 * so it first works unmeasured for the warm-up time: otherwise the figures would be the JIT compiling that path on
 * two busy cores. CPU is measured at both paces; PostgreSQL's statement statistics cover the measured part at full
 * pace, so the report shows where the database's time went.
 *
 * @param paced      the agents at half the pace of {@code result}
 * @param pacedUsage what the stack used at half the pace
 * @param handling   the mean handling time of an item in {@code paced}
 */
record AgentPhase(int agents, AgentFleet.Result result, ResourceUsage usage, List<StatementStats.Statement> statements,
        AgentFleet.Result paced, ResourceUsage pacedUsage, Duration handling) {

    /**
     * The pause before the half pace: the full pace leaves thousands of lifecycle events to send and count, which
     * are not the half pace's load.
     */
    static final Duration BETWEEN_PACES = Duration.ofSeconds(10);

    /** How many of PostgreSQL's statements the report shows. */
    private static final int TOP_STATEMENTS = 8;

    static AgentPhase run(SwitchboardStack stack, HttpClient client, int agents, Duration warmup, Duration duration,
            long seed) throws Exception {
        List<AgentFleet.Agent> fleet = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String id = "bench-agent-" + i;
            fleet.add(new AgentFleet.Agent(id, stack.keys().token(id, Set.of("agent"), Duration.ofHours(2))));
        }
        AgentFleet work = new AgentFleet(client, stack.url("work-service"), fleet);
        String supervisor = stack.keys().token("bench-supervisor", Set.of("supervisor"), Duration.ofHours(2));
        work.signOn(supervisor, AgentProfiles::forAgent);
        work.work(warmup, false, Duration.ZERO, seed);
        StatementStats statements = new StatementStats(stack.postgres());
        statements.reset();
        AgentFleet.Result result;
        ResourceUsage usage;
        try (ProcessSampler sampler = new ProcessSampler(stack).start()) {
            result = work.work(duration, true, Duration.ZERO, seed);
            usage = sampler.stop();
        }
        List<StatementStats.Statement> top = statements.top(TOP_STATEMENTS);
        Thread.sleep(BETWEEN_PACES.toMillis());
        // Each agent's cycle is its handling time plus its request: at half the pace, the handling time is
        // twice the cycle that full pace took.
        Duration handling = Duration.ofMillis(Math.round(2_000 * agents / result.completedPerSecond()));
        AgentFleet.Result paced;
        ResourceUsage pacedUsage;
        try (ProcessSampler sampler = new ProcessSampler(stack).start()) {
            paced = work.work(duration, true, handling, seed);
            pacedUsage = sampler.stop();
        }
        return new AgentPhase(agents, result, usage, top, paced, pacedUsage, handling);
    }
}
