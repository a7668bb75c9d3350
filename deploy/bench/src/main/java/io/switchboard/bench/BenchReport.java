package io.switchboard.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of one benchmark run, as printed and as written to docs/benchmarks.md. The targets are issue 12's,
 * as ratios to the run's own ceilings where they are rates, because machines of one kind differ 2–3 × in speed. The
 * ceilings are measured before the phases and again after them, and the shares are of the higher of the two.
 */
record BenchReport(Machine machine, BenchmarkRun.Options options, Ceilings.Figures ceilingsBefore,
        Ceilings.Figures ceilingsAfter, ResourceUsage idle, LoadPhase coldStart, List<LoadPhase> ladder,
        LoadPhase fullLoad, AgentPhase agents, ResourceUsage atRest) {

    /** The rate at which webhook → pullable p99 must stay under 100 ms. */
    private static final int EVERYDAY_RATE = 100;

    String markdown() {
        return "# Benchmarks\n\n" + intro()
                + "\n## Ceilings of this machine\n\n" + ceilingsTable()
                + "\n## Results\n\n" + resultsTable()
                + "\n## Latency versus load\n\n" + ladderTable()
                + "\n## The whole stack: CPU and memory\n\n" + stackTable()
                + "\n## Per stage\n\n" + stageTable() + "\n" + failures()
                + "\n## Processes (CPU in % of one core, peak resident memory)\n\n" + processTable()
                + "\n## PostgreSQL by phase\n\n" + databaseTable()
                + "\n## PostgreSQL in the agents' phase\n\n" + statementTable();
    }

    private String intro() {
        return ("Measured by `deploy/bench/run` on %s: %s. Everything on this one machine: the Kafka broker, PostgreSQL,"
                + " all eight services (each `-Xmx%s`) and the load generator. Seed %d. After start-up and the ceilings"
                + " the stack is left alone for %d s and then sampled idle for %d s; then %d s of load at half the top"
                + " rate (reported as *cold start*: what the first minutes of traffic cost while nine JVMs compile),"
                + " open-loop phases of %d s at %s contacts/s offered, %d s as fast as the whole pipeline queues"
                + " (*full load*: at most %,d contacts sent and not yet queued),"
                + " and %d agents working the backlog for up to %d s (desktops in auto-accept: the pull and"
                + " complete-and-next bring the next item accepted, one request an item; after %d s of unmeasured"
                + " work that compiles their path), then, after %d s to send the lifecycle events of that, for up to"
                + " %d s at half that pace (each agent handles each"
                + " item for a time drawn from an exponential distribution, so that the agents are not one closed loop"
                + " whose pull latency is their number divided by the throughput); then the stack is left alone"
                + " again for %d s (the surveys of the agents' last completions go out a minute after them) and"
                + " sampled *at rest* for %d s: compiled, with the backlog the agents left queued; then the ceilings are"
                + " measured again. After each load"
                + " phase the run waits up to %d s (after the cold start, as long as the warm-up lasted)"
                + " until everything accepted is queued, so that one phase's backlog does not pollute the next; CPU and"
                + " memory cover the sending and that wait, while a phase's queued rate counts only what was queued"
                + " while its webhooks kept coming. Latencies of the pipeline are measured from when the load"
                + " generator sent the webhook to the `QUEUED` lifecycle event's timestamp (the work item is committed"
                + " and pullable).\n")
                .formatted(machine.date(), machine.describe(), BenchmarkRun.SERVICE_HEAP, options.seed(),
                        BenchmarkRun.SETTLE.toSeconds(), options.idle(), options.warmup(), options.seconds(),
                        options.rates().stream().map("%,d"::formatted).collect(Collectors.joining(", ")),
                        options.seconds(), LoadPhases.SATURATING_IN_PIPELINE, options.agents(), options.seconds(),
                        options.agentWarmup(), AgentPhase.BETWEEN_PACES.toSeconds(), options.seconds(),
                        BenchmarkRun.SETTLE_AFTER_AGENTS.toSeconds(), options.idle(),
                        options.drain());
    }

    private String ceilingsTable() {
        Ceilings.Figures used = ceilings();
        return new MarkdownTable("what, per second", "before the phases", "after them", "the shares are of")
                .row("Kafka produce, 900 B records, acks=all, idempotent (ProducerPerformance)",
                        perSecond(ceilingsBefore.kafkaProducePerSecond()), perSecond(ceilingsAfter.kafkaProducePerSecond()),
                        perSecond(used.kafkaProducePerSecond()))
                .row("Kafka consume (ConsumerPerformance)", perSecond(ceilingsBefore.kafkaConsumePerSecond()),
                        perSecond(ceilingsAfter.kafkaConsumePerSecond()), perSecond(used.kafkaConsumePerSecond()))
                .row("PostgreSQL committed single-row inserts, 8 connections",
                        perSecond(ceilingsBefore.postgresInsertsPerSecond()),
                        perSecond(ceilingsAfter.postgresInsertsPerSecond()), perSecond(used.postgresInsertsPerSecond()))
                .toString() + "\nEach ceiling is measured before the phases and again after the stack at rest; the shares"
                + " below are of the higher (on a shared machine one measurement moved 1.8 × within 15 minutes).\n";
    }

    /** The ceilings the shares are of: the machine at its best within the run, so a slow measurement flatters nothing. */
    Ceilings.Figures ceilings() {
        return ceilingsBefore.higher(ceilingsAfter);
    }

    private static String perSecond(double value) {
        return "%,.0f".formatted(value);
    }

    private String resultsTable() {
        LoadPhase highest = ladder.get(ladder.size() - 1);
        AgentFleet.Result work = agents.result();
        MarkdownTable table = new MarkdownTable("figure", "value", "target", "ratio to ceiling")
                .row("ingest → queued, sustained at full load", "%,.0f contacts/s".formatted(fullLoad.queuedPerSecond()),
                        "≥ 15 % of PostgreSQL inserts", postgresShare(fullLoad.queuedPerSecond())
                                + " of PostgreSQL inserts, " + kafkaShare(fullLoad.queuedPerSecond()) + " of Kafka produce")
                .row("webhooks accepted (2xx) at full load", "%,.0f /s".formatted(fullLoad.load().acceptedPerSecond()), "",
                        kafkaShare(fullLoad.load().acceptedPerSecond()) + " of Kafka produce")
                .row("CPU per contact at full load, all processes but the load generator",
                        "%.2f ms".formatted(fullLoad.cpuMillisPerContact()),
                        "5 × less than this machine's before the batched hot path", "");
        ladder.stream().filter(phase -> phase.offeredPerSecond() == EVERYDAY_RATE).findFirst().ifPresent(phase -> table
                .row("webhook → pullable at %s offered".formatted(phase.name()), phase.webhookToQueued().summary(),
                        "p99 < 100 ms", ""));
        LoadPhase half = nearestToHalfCapacity();
        table.row("webhook → pullable near half the sustained capacity: %s offered, %s of full load".formatted(
                                half.name(), share(half.offeredPerSecond(), fullLoad.queuedPerSecond())),
                        half.webhookToQueued().summary(), "p99 < 500 ms at 50 %", "")
                .row("webhooks accepted (2xx) at %s offered".formatted(highest.name()),
                        "%,.0f /s".formatted(highest.load().acceptedPerSecond()), "",
                        kafkaShare(highest.load().acceptedPerSecond()) + " of Kafka produce")
                .row("webhook → pullable at %s offered".formatted(highest.name()), highest.webhookToQueued().summary(),
                        "", "")
                .row("webhook → pullable in the first %d s of traffic (cold start), %,d/s offered".formatted(
                                options.warmup(), coldStart.offeredPerSecond()), coldStart.webhookToQueued().summary(),
                        "", "")
                .row("pull-and-complete, %d agents".formatted(agents.agents()), "%,.0f items/s".formatted(work.completedPerSecond()),
                        "≥ 8 % of PostgreSQL inserts", postgresShare(work.completedPerSecond()) + " of PostgreSQL inserts")
                .row("pull latency (next, or complete-and-next, that brought an item), %d agents".formatted(
                        agents.agents()), pulls(work), "p99 < 50 ms", "")
                .row("pull latency at half that pace: %d agents handling each item for a random time (mean %.1f s),"
                                .formatted(agents.agents(), agents.handling().toMillis() / 1000.0)
                                + " %,.0f items/s".formatted(agents.paced().completedPerSecond()),
                        pulls(agents.paced()), "p99 < 50 ms", "")
                .row("idle stack after start-up: CPU; resident memory, sum of RSS (PSS)", cpuAndMemory(idle),
                        "CPU < 5 % of the cores", "")
                .row("stack at rest after the run: CPU; resident memory, sum of RSS (PSS)", cpuAndMemory(atRest),
                        "CPU < 5 % of the cores", "")
                .row("stack under load: peak resident memory, sum of RSS (PSS)", "%s (%s)".formatted(
                        mib(peakUnderLoad().rssMiB()), mib(peakUnderLoad().pssMiB())), "", "");
        return table.toString();
    }

    /** The pulls that brought an item; those that found none waited for work (long polling), shown apart. */
    private static String pulls(AgentFleet.Result result) {
        return result.emptyPulls() == 0 ? result.pullLatency().summary()
                : "%s; %,d more found nothing for the agent, waiting up to %d s for it: p50 %s, p99 %s".formatted(
                        result.pullLatency().summary(), result.emptyPulls(), AgentFleet.PULL_WAIT_SECONDS,
                        Latencies.format(result.emptyPullLatency().percentileMillis(50)),
                        Latencies.format(result.emptyPullLatency().percentileMillis(99)));
    }

    /**
     * The ladder's phase whose offered rate is nearest half of what full load sustained. Not its queued rate: an
     * overloaded phase queues less than it is offered, and one offered 1,000/s that queued half the capacity was
     * taken for it (2026-12-03).
     */
    private LoadPhase nearestToHalfCapacity() {
        double half = fullLoad.queuedPerSecond() / 2;
        return ladder.stream().min(Comparator.comparingDouble(phase -> Math.abs(phase.offeredPerSecond() - half)))
                .orElseThrow();
    }

    private String cpuAndMemory(ResourceUsage usage) {
        return "%.1f %% of %d cores; %s (%s)".formatted(usage.stackCpuPercentOf(machine.cores()), machine.cores(),
                mib(usage.stackPeak().rssMiB()), mib(usage.stackPeak().pssMiB()));
    }

    private String ladderTable() {
        MarkdownTable table = new MarkdownTable("offered", "accepted (2xx)", "queued",
                "queued, % of PostgreSQL inserts / Kafka produce", "webhook → 2xx p50 / p99",
                "webhook → pullable p50 / p99", "backlog after sending");
        for (LoadPhase phase : loadPhases()) {
            table.row(phase.name(), "%,.0f /s".formatted(phase.load().acceptedPerSecond()),
                    "%,.0f /s".formatted(phase.queuedPerSecond()), postgresShare(phase.queuedPerSecond()) + " / "
                            + kafkaShare(phase.queuedPerSecond()),
                    phase.load().webhookLatency().medianAndP99(), phase.webhookToQueued().medianAndP99(),
                    phase.backlogLeft() <= 0 ? "queued in %.0f s".formatted(phase.drainSeconds())
                            : "%,d not queued after %.0f s".formatted(phase.backlogLeft(), phase.drainSeconds()));
        }
        return table.toString();
    }

    private String stackTable() {
        MarkdownTable table = new MarkdownTable("phase", "CPU, %% of %d cores".formatted(machine.cores()),
                "CPU per contact", "resident memory, sum of RSS", "proportional (PSS)");
        table.row("idle, %d s".formatted(options.idle()), "%.1f %%".formatted(idle.stackCpuPercentOf(machine.cores())),
                "", mib(idle.stackPeak().rssMiB()), mib(idle.stackPeak().pssMiB()));
        for (LoadPhase phase : loadPhases()) {
            table.row(phase.name(), "%.0f %%".formatted(phase.usage().stackCpuPercentOf(machine.cores())),
                    "%.2f ms".formatted(phase.cpuMillisPerContact()), mib(phase.usage().stackPeak().rssMiB()),
                    mib(phase.usage().stackPeak().pssMiB()));
        }
        ResourceUsage work = agents.usage();
        table.row("%d agents".formatted(agents.agents()), "%.0f %%".formatted(work.stackCpuPercentOf(machine.cores())),
                "", mib(work.stackPeak().rssMiB()), mib(work.stackPeak().pssMiB()));
        ResourceUsage paced = agents.pacedUsage();
        table.row("%d agents, half pace".formatted(agents.agents()),
                "%.0f %%".formatted(paced.stackCpuPercentOf(machine.cores())), "", mib(paced.stackPeak().rssMiB()),
                mib(paced.stackPeak().pssMiB()));
        table.row("at rest after the run, %d s".formatted(options.idle()),
                "%.1f %%".formatted(atRest.stackCpuPercentOf(machine.cores())), "", mib(atRest.stackPeak().rssMiB()),
                mib(atRest.stackPeak().pssMiB()));
        return table + "\nMemory is the peak of once-a-second samples (PSS of every tenth: reading it walks each"
                + " process's page tables), every process but the load generator. The sum of RSS counts a page shared"
                + " by several processes once for each (PostgreSQL's shared buffers in every backend); PSS divides it"
                + " among them, so it is what the stack occupies.\n";
    }

    private String stageTable() {
        MarkdownTable table = new MarkdownTable("phase", "webhook → 2xx", "webhook → routed", "routed → queued",
                "webhook → queued");
        for (LoadPhase phase : loadPhases()) {
            table.row(phase.name(), phase.load().webhookLatency().summary(), phase.webhookToRouted().summary(),
                    phase.routedToQueued().summary(), phase.webhookToQueued().summary());
        }
        return table.toString();
    }

    private String failures() {
        return "Webhooks not accepted (status → count): " + loadPhases().stream()
                .map(phase -> phase.name() + " " + phase.load().failuresByStatus()).collect(Collectors.joining(", "))
                + "; agent errors " + agents.result().errors() + ".\n";
    }

    /** Every phase, so that what a process spends at low load (where CPU does not follow the load) shows too. */
    private String processTable() {
        List<Measured> phases = measured();
        MarkdownTable table = new MarkdownTable(Stream.concat(Stream.of("process"), phases.stream().map(Measured::name))
                .toArray(String[]::new));
        for (String process : idle.processes().keySet()) {
            table.row(Stream.concat(Stream.of(process), phases.stream().map(Measured::usage).map(usage ->
                    usage.processes().containsKey(process) ? "%.0f %%, %s".formatted(usage.cpuPercentOfOneCore(process),
                            mib(usage.processes().get(process).peak().rssMiB())) : "")).toArray());
        }
        return table.toString();
    }

    /**
     * What PostgreSQL did in each phase by its own statistics: a commit waits for its WAL flush, and a checkpoint's
     * writes and {@code fsync}s or an autovacuum compete with the statements; a latency tail that coincides with them
     * shows here.
     */
    private String databaseTable() {
        MarkdownTable table = new MarkdownTable("phase", "commits /s", "WAL written", "WAL flushes /s",
                "checkpoints started", "checkpoints ended: writing, fsync", "autovacuums ended");
        for (Measured phase : measured()) {
            DatabaseActivity database = phase.usage().database();
            double seconds = phase.usage().seconds();
            table.row(phase.name(), "%,.0f".formatted(database.commits() / seconds),
                    "%.1f MiB/s".formatted(database.walBytes() / seconds / (1 << 20)),
                    "%,.0f".formatted(database.walFlushes() / seconds),
                    database.checkpoints() == 0 ? "" : "%d".formatted(database.checkpoints()),
                    database.checkpointWriteMillis() == 0 ? "" : "%.1f s, %.2f s".formatted(
                            database.checkpointWriteMillis() / 1000, database.checkpointSyncMillis() / 1000),
                    database.autovacuums().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(vacuumed -> vacuumed.getValue() == 1 ? vacuumed.getKey()
                                    : vacuumed.getKey() + " × " + vacuumed.getValue())
                            .collect(Collectors.joining(", ")));
        }
        return table + "\nThe statistics count a checkpoint when it starts (a timed one also when it is skipped) and add"
                + " its time when it ends, an autovacuum when it ends; a checkpoint spreads its writes over most of its"
                + " interval, then waits for the data files' `fsync`.\n";
    }

    /** Every sampled phase in the order of the run, short names as the process table's columns. */
    private List<Measured> measured() {
        List<Measured> phases = new ArrayList<>(List.of(new Measured("idle", idle)));
        loadPhases().forEach(phase -> phases.add(new Measured(phase.name(), phase.usage())));
        phases.addAll(List.of(new Measured("agents", agents.usage()),
                new Measured("agents, half pace", agents.pacedUsage()), new Measured("at rest", atRest)));
        return phases;
    }

    private record Measured(String name, ResourceUsage usage) {
    }

    /**
     * The statements that took PostgreSQL's time while the agents were measured ({@code pg_stat_statements}):
     * execution time, which includes waits for locks, not only CPU.
     */
    private String statementTable() {
        AgentFleet.Result work = agents.result();
        double all = agents.statements().stream().mapToDouble(StatementStats.Statement::totalMillis).sum();
        MarkdownTable table = new MarkdownTable("statement", "calls per completed item", "mean", "buffers a call",
                "WAL a call", "share of the listed time");
        for (StatementStats.Statement statement : agents.statements()) {
            table.row("`" + statement.head(110).replace("|", "\\|").replace("`", "'") + "`",
                    "%.2f".formatted(statement.calls() / (double) Math.max(1, work.completed())),
                    "%.2f ms".formatted(statement.totalMillis() / Math.max(1, statement.calls())),
                    "%,.0f".formatted(statement.buffers() / (double) Math.max(1, statement.calls())),
                    "%,.0f B".formatted(statement.walBytes() / (double) Math.max(1, statement.calls())),
                    "%.0f %%".formatted(100 * statement.totalMillis() / Math.max(1, all)));
        }
        return "Execution time (lock waits included) of the %d statements that took most of it, over %,d completed items.%n%n"
                .formatted(agents.statements().size(), work.completed()) + table;
    }

    /** The reported load phases: the cold start, the ladder of offered rates, then full load. */
    private List<LoadPhase> loadPhases() {
        return Stream.of(Stream.of(coldStart), ladder.stream(), Stream.of(fullLoad)).flatMap(phases -> phases).toList();
    }

    private ResourceUsage.Memory peakUnderLoad() {
        return Stream.concat(loadPhases().stream().map(LoadPhase::usage),
                        Stream.of(agents.usage(), agents.pacedUsage()))
                .map(ResourceUsage::stackPeak).reduce(ResourceUsage.Memory.NONE, ResourceUsage.Memory::max);
    }

    private String postgresShare(double perSecond) {
        return share(perSecond, ceilings().postgresInsertsPerSecond());
    }

    private String kafkaShare(double perSecond) {
        return share(perSecond, ceilings().kafkaProducePerSecond());
    }

    private static String share(double part, double whole) {
        return "%.1f %%".formatted(100 * part / whole);
    }

    private static String mib(long mib) {
        return "%,d MiB".formatted(mib);
    }
}
