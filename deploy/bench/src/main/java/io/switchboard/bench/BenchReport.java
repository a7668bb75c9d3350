package io.switchboard.bench;

import java.util.Map;

/** The figures of one benchmark run, as printed and as written to docs/benchmarks.md. */
final class BenchReport {

    record LoadPhase(LoadDriver.Result load, long queued, double secondsToLastQueued, Latencies webhookToQueued,
            Latencies webhookToRouted, Latencies routedToQueued, Map<String, ProcessSampler.Usage> usage) {

        /** Contacts stored and pullable per second, from the first webhook to the last item queued. */
        double queuedPerSecond() {
            return queued / secondsToLastQueued;
        }

        /** CPU time the system (every process but the load generator) spent per accepted contact. */
        double cpuMillisPerContact() {
            double cores = usage.entrySet().stream().filter(e -> !e.getKey().equals(BenchmarkRun.LOAD_GENERATOR))
                    .mapToDouble(e -> e.getValue().cpuPercentOfOneCore() / 100).sum();
            return 1000 * cores / load.acceptedPerSecond();
        }
    }

    record AgentPhase(int agents, AgentFleet.Result result, Map<String, ProcessSampler.Usage> usage) {
    }

    private final Machine machine;
    private final BenchmarkRun.Options options;
    Ceilings.Figures ceilings;
    LoadPhase ingest;
    LoadPhase steady;
    AgentPhase agents;

    BenchReport(Machine machine, BenchmarkRun.Options options) {
        this.machine = machine;
        this.options = options;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Measured by `deploy/bench/run` on ").append(machine.date()).append(": ").append(machine.describe())
                .append(". Everything on this one machine: the Kafka broker, PostgreSQL, all eight services (each `-Xmx512m`)")
                .append(" and the load generator. Seed ").append(options.seed()).append(", ").append(options.seconds())
                .append(" s per phase. Latencies of the pipeline are measured from when the load generator sent the")
                .append(" webhook to the `QUEUED` lifecycle event's timestamp (the work item is committed and pullable).\n\n");

        md.append("## Ceilings of this machine\n\n| what | per second |\n|---|---|\n");
        md.append(row("Kafka produce, 900 B records, acks=all, idempotent (ProducerPerformance)", ceilings.kafkaProducePerSecond()));
        md.append(row("Kafka consume (ConsumerPerformance)", ceilings.kafkaConsumePerSecond()));
        md.append(row("PostgreSQL committed single-row inserts, 8 connections", ceilings.postgresInsertsPerSecond()));

        md.append("\n## Results\n\n| figure | value | target | ratio to ceiling |\n|---|---|---|---|\n");
        md.append("| ingest → queued, sustained | %,.0f contacts/s | ≥ 5,000/s | %.1f %% of Kafka produce, %.1f %% of PostgreSQL inserts |\n"
                .formatted(ingest.queuedPerSecond(), 100 * ingest.queuedPerSecond() / ceilings.kafkaProducePerSecond(),
                        100 * ingest.queuedPerSecond() / ceilings.postgresInsertsPerSecond()));
        md.append("| webhooks accepted (2xx) at full load | %,.0f /s | | |\n".formatted(ingest.load().acceptedPerSecond()));
        md.append("| CPU per contact at full load, all processes but the load generator | %.2f ms | ≤ 0.4 ms for 5,000/s on 2 cores | |\n"
                .formatted(ingest.cpuMillisPerContact()));
        md.append("| webhooks accepted (2xx) at %,d/s offered | %,.0f /s | | |\n"
                .formatted(options.rate(), steady.load().acceptedPerSecond()));
        md.append("| webhook → pullable at %,d/s offered | %s | p99 < 100 ms | |\n"
                .formatted(options.rate(), steady.webhookToQueued().summary()));
        md.append("| pull-and-complete, %d agents | %,.0f items/s | ≥ 2,000/s | %.1f %% of PostgreSQL inserts |\n"
                .formatted(agents.agents(), agents.result().completedPerSecond(),
                        100 * agents.result().completedPerSecond() / ceilings.postgresInsertsPerSecond()));
        md.append("| pull latency, %d agents | %s | p99 < 20 ms | |\n".formatted(agents.agents(), agents.result().pullLatency().summary()));

        md.append("\n## Per stage\n\n| phase | webhook → 2xx | webhook → routed | routed → queued | webhook → queued |\n|---|---|---|---|---|\n");
        for (var phase : Map.of("full load", ingest, "%,d/s".formatted(options.rate()), steady).entrySet()) {
            LoadPhase p = phase.getValue();
            md.append("| %s | %s | %s | %s | %s |\n".formatted(phase.getKey(), p.load().webhookLatency().summary(),
                    p.webhookToRouted().summary(), p.routedToQueued().summary(), p.webhookToQueued().summary()));
        }
        md.append("\nRejected webhooks (status → count): full load ").append(ingest.load().failuresByStatus())
                .append(", steady ").append(steady.load().failuresByStatus()).append("; agent errors ")
                .append(agents.result().errors()).append(".\n");

        md.append("\n## Processes (CPU in % of one core, peak resident memory)\n\n| process | full load | steady | agents |\n|---|---|---|---|\n");
        for (String name : ingest.usage().keySet()) {
            md.append("| %s | %s | %s | %s |\n".formatted(name, usage(ingest.usage(), name), usage(steady.usage(), name),
                    usage(agents.usage(), name)));
        }
        return md.toString();
    }

    private static String row(String what, double perSecond) {
        return "| %s | %,.0f |\n".formatted(what, perSecond);
    }

    private static String usage(Map<String, ProcessSampler.Usage> usage, String name) {
        ProcessSampler.Usage u = usage.get(name);
        return u == null ? "" : "%.0f %%, %,d MiB".formatted(u.cpuPercentOfOneCore(), u.peakRssMiB());
    }
}
