package io.switchboard.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchReportTest {

    private static final BenchmarkRun.Options OPTIONS = BenchmarkRun.Options.parse(new String[] {"--rates", "100,50"});

    @Test
    void reportsLatencyVersusLoadAndRatiosToTheCeilings() {
        BenchReport report = new BenchReport(new Machine("cpu", 2, 4096, "jvm", "os", LocalDate.of(2026, 1, 1)), OPTIONS,
                // The shares are of the higher ceiling of the two measurements: Kafka's first, PostgreSQL's second.
                new Ceilings.Figures(40_000, 200_000, 5_000), new Ceilings.Figures(20_000, 100_000, 10_000),
                usage(30, 0.3), phase("cold start, 50/s", 50, 0),
                // 200/s overloaded: it queued 45/s, half of full load's 89/s, but was offered far more.
                List.of(phase("50/s", 50, 1100), phase("100/s", 100, 0), phase("200/s", 200, 1000)),
                phase("full load", 0, 120),
                new AgentPhase(200, new AgentFleet.Result(2000, 0, 20, latencies(8), new Latencies()), usage(20, 30),
                        List.of(new StatementStats.Statement("WITH a AS MATERIALIZED (SELECT * FROM agent WHERE id = $1)",
                                2000, 3000, 2000, 90_000, 3_000_000),
                                new StatementStats.Statement("DELETE FROM outbox_event | x", 4000, 1000, 0, 8_000, 0)),
                        new AgentFleet.Result(1000, 0, 20, latencies(12), latencies(900)), usage(20, 1),
                        Duration.ofMillis(4_000)),
                usage(30, 0.12));

        String markdown = report.markdown();

        assertThat(OPTIONS.rates()).containsExactly(50, 100);
        assertThat(markdown).contains("| PostgreSQL committed single-row inserts, 8 connections | 5,000 | 10,000 | 10,000 |")
                .contains("| Kafka produce, 900 B records, acks=all, idempotent (ProducerPerformance) | 40,000 | 20,000 | 40,000 |")
                .contains("## Latency versus load")
                .contains("| 100/s | 100 /s | 95 /s | 1.0 % / 0.2 % | 4.0 ms / 4.0 ms | 250 ms / 250 ms | queued in 1 s |")
                .contains("| cold start, 50/s | 100 /s | 95 /s |")
                .contains("| webhook → pullable in the first 150 s of traffic (cold start), 50/s offered | p50 250 ms")
                .contains("| full load | 100 /s | 89 /s | 0.9 % / 0.2 % | 4.0 ms / 4.0 ms | 250 ms / 250 ms | 120 not queued after 1 s |")
                .contains("| pull-and-complete, 200 agents | 100 items/s | ≥ 8 % of PostgreSQL inserts | 1.0 % of PostgreSQL inserts |")
                .contains("| pull latency at half that pace: 200 agents handling each item for a random time (mean 4.0 s),"
                        + " 50 items/s | p50 12 ms")
                .contains("(n=1); 1 more found nothing for the agent, waiting up to 1 s for it: p50 900 ms, p99 900 ms |")
                .contains("| idle, 30 s | 5.0 % |  | 1,000 MiB | 500 MiB |")
                .contains("| at rest after the run, 30 s | 2.0 % |  | 1,000 MiB | 500 MiB |")
                .contains("| stack at rest after the run: CPU; resident memory, sum of RSS (PSS) | 2.0 % of 2 cores;")
                .contains("| webhook → pullable at 100/s offered | p50 250 ms")
                .contains("| p99 < 100 ms |")
                .contains("| webhook → pullable near half the sustained capacity: 50/s offered, 56.2 % of full load |")
                .contains("| stack under load: peak resident memory, sum of RSS (PSS) | 1,000 MiB (500 MiB) |")
                .contains("| 200 agents, half pace | 25 % |  | 1,000 MiB | 500 MiB |")
                .contains("## PostgreSQL by phase")
                .contains("| agents, half pace | 50 | 0.5 MiB/s | 25 | 1 | 12.5 s, 0.55 s | outbox_event, work_item × 2 |")
                .contains("| idle | 33 | 0.3 MiB/s | 17 | 1 | 12.5 s, 0.55 s | outbox_event, work_item × 2 |")
                .contains("## PostgreSQL in the agents' phase")
                .contains("| `WITH a AS MATERIALIZED (SELECT * FROM agent WHERE id = $1)` | 1.00 | 1.50 ms | 45 | 1,500 B | 75 % |")
                .contains("| `DELETE FROM outbox_event \\| x` | 2.00 | 0.25 ms | 2 | 0 B | 25 % |");
    }

    @Test
    void aRunWhoseWebhooksAreRefusedIsInvalid() {
        LoadPhase refused = new LoadPhase("50/s", 50, new LoadDriver.Result(1000, 0, Map.of(401, 1000L), 20,
                new Latencies()), 0, 0, 1, new Latencies(), new Latencies(), new Latencies(), usage(20, 1));

        assertThatThrownBy(() -> InvalidRun.requireSound(refused)).isInstanceOf(InvalidRun.class)
                .hasMessageContaining("1,000 of 1,000 webhooks were not accepted").hasMessageContaining("401=1000");
    }

    @Test
    void aTinyShareOfFailuresIsTolerated() throws InvalidRun {
        LoadPhase phase = new LoadPhase("50/s", 50, new LoadDriver.Result(1000, 999, Map.of(503, 1L), 20,
                new Latencies()), 999, 999, 21, new Latencies(), new Latencies(), new Latencies(), usage(20, 1));

        assertThat(InvalidRun.requireSound(phase)).isSameAs(phase);
    }

    private static LoadPhase phase(String name, int rate, long left) {
        LoadDriver.Result load = new LoadDriver.Result(2000, 2000, Map.of(), 20, latencies(4));
        // 100 of the queued contacts were queued after the sending ended.
        return new LoadPhase(name, rate, load, 2000 - left, 1900 - left, 21, latencies(100), latencies(150),
                latencies(250), usage(21, 40));
    }

    private static Latencies latencies(double millis) {
        Latencies latencies = new Latencies();
        latencies.recordNanos((long) (millis * 1e6));
        return latencies;
    }

    /**
     * The stack's ten processes and the load generator, each at {@code cpuSecondsEach}, 100 MiB RSS, 50 MiB PSS; the
     * database committed 1,000 transactions, wrote 10 MiB of WAL with 500 flushes, started a checkpoint and ended
     * one, and ended three autovacuums.
     */
    private static ResourceUsage usage(double seconds, double cpuSecondsEach) {
        Map<String, ResourceUsage.ProcessUsage> processes = new LinkedHashMap<>();
        ResourceUsage.Memory memory = new ResourceUsage.Memory(100 * 1024, 50 * 1024);
        for (int i = 0; i < 10; i++) {
            processes.put("process-" + i, new ResourceUsage.ProcessUsage(cpuSecondsEach, memory));
        }
        processes.put(ProcessSampler.LOAD_GENERATOR, new ResourceUsage.ProcessUsage(cpuSecondsEach, memory));
        return new ResourceUsage(seconds, processes, new ResourceUsage.Memory(1000 * 1024, 500 * 1024),
                new DatabaseActivity(1000, 10 << 20, 500, 1, 12_500, 550, Map.of("work_item", 2L, "outbox_event", 1L)));
    }
}
