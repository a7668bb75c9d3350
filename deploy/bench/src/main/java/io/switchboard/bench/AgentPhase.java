package io.switchboard.bench;

import io.switchboard.runtime.SwitchboardStack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A fleet of agents signed on and working the backlog the load phases left, as fast as they can. The agents' path
 * (JWT, pull, accept, complete) has not run before this phase, so it first works unmeasured for the warm-up time:
 * otherwise the figures would be the JIT compiling that path on two busy cores. PostgreSQL's statement statistics
 * cover the measured part, so the report shows where the database's time went.
 */
record AgentPhase(int agents, AgentFleet.Result result, ResourceUsage usage, List<StatementStats.Statement> statements) {

    /** How many of PostgreSQL's statements the report shows. */
    private static final int TOP_STATEMENTS = 8;

    static AgentPhase run(SwitchboardStack stack, HttpClient client, int agents, Duration warmup, Duration duration)
            throws Exception {
        List<AgentFleet.Agent> fleet = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String id = "bench-agent-" + i;
            fleet.add(new AgentFleet.Agent(id, stack.keys().token(id, Set.of("agent"), Duration.ofHours(2))));
        }
        AgentFleet work = new AgentFleet(client, stack.url("work-service"), fleet);
        String supervisor = stack.keys().token("bench-supervisor", Set.of("supervisor"), Duration.ofHours(2));
        work.signOn(supervisor, AgentProfiles::forAgent);
        work.work(warmup, false);
        StatementStats statements = new StatementStats(stack.postgres());
        statements.reset();
        try (ProcessSampler sampler = new ProcessSampler(stack).start()) {
            AgentFleet.Result result = work.work(duration, true);
            return new AgentPhase(agents, result, sampler.stop(), statements.top(TOP_STATEMENTS));
        }
    }
}
