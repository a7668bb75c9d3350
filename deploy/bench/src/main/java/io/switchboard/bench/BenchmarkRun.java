package io.switchboard.bench;

import io.switchboard.runtime.SwitchboardStack;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code deploy/bench/run}: the whole system on this machine, idle and then under signed webhook load at a ladder
 * of offered rates and as fast as it accepts, with an agent fleet, measured against the machine's own Kafka and
 * PostgreSQL ceilings. Prints the figures and writes them to docs/benchmarks.md; a run the system refused (see
 * {@link InvalidRun}) writes nothing and exits with 1. Options: {@code --seed N --seconds N --rates N,N,...
 * --agents N --warmup N --agent-warmup N --idle N --drain N}.
 */
public final class BenchmarkRun {

    static final String SERVICE_HEAP = "512m";
    // Start-up leaves JIT compilation, class loading and the consumers' first rebalances behind for a while.
    static final Duration SETTLE = Duration.ofSeconds(20);
    // The agents' work sends its surveys a minute after each completion (switchboard.survey.delay): at rest begins
    // once the last of them went out, or it measures them (2.5–21 % of the two cores, docs/benchmarks.md).
    static final Duration SETTLE_AFTER_AGENTS = Duration.ofSeconds(90);

    private BenchmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path root = Path.of(System.getProperty("switchboard.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createDirectories(root.resolve("deploy/bench/target/run-" + System.currentTimeMillis()));
        Machine machine = Machine.current();
        System.out.println("Machine: " + machine.describe());
        long started = System.nanoTime();
        BenchReport report;
        try {
            report = measure(root, state, machine, options);
        } catch (InvalidRun e) {
            System.err.println("\nThe run is invalid, docs/benchmarks.md is left as it was: " + e.getMessage());
            System.exit(1);
            return;
        }
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        GeneratedDoc.write(root.resolve("docs/benchmarks.md"), markdown);
        System.out.printf("Written to docs/benchmarks.md after %d s.%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private static BenchReport measure(Path root, Path state, Machine machine, Options options) throws Exception {
        try (SwitchboardStack stack = SwitchboardStack.builder(root, state).freePorts().partitions(6)
                .serviceHeap(SERVICE_HEAP).build()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            System.out.println("Starting Kafka, PostgreSQL and all services ...");
            stack.start();

            System.out.println("Measuring the machine's ceilings (Kafka perf tools, PostgreSQL inserts) ...");
            Ceilings ceilings = new Ceilings(stack.bootstrapServers(), stack.postgres(), state);
            Ceilings.Figures ceilingsBefore = measureCeilings(ceilings);

            ResourceUsage idle = idle("idle", SETTLE, stack, machine, options);

            ExecutorService httpThreads = Executors.newFixedThreadPool(4);
            try {
                HttpClient client = HttpClient.newBuilder().executor(httpThreads)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                TrafficMix traffic = new TrafficMix(options.seed, Long.toString(System.currentTimeMillis(), 36),
                        stack.gateways());
                LoadPhases phases = new LoadPhases(stack, client, traffic, Duration.ofSeconds(options.drain));
                Duration phase = Duration.ofSeconds(options.seconds);

                // Nine JVMs compiling their hot paths at once would otherwise be measured as the system's speed; the
                // warm-up is reported as what a cold start costs. Checked too, so that a run whose webhooks are all
                // refused ends now rather than in minutes. Half the top rate for 150 s: after 45 s, the C2 compiler
                // threads were still busy four minutes later (docs/benchmarks.md, 2026-12-02 14:15). A slower machine
                // leaves a backlog of minutes behind it: the ladder waits for it as long as the warm-up lasted, so that
                // its low rates do not measure the cold start's queue (2026-12-02 18:20).
                int warmupRate = Math.max(1, Collections.max(options.rates) / 2);
                System.out.printf("Warm-up (cold start): %d s at %,d contacts/s ...%n", options.warmup, warmupRate);
                LoadPhase coldStart = InvalidRun.requireSound(printed(phases.run("cold start, %,d/s".formatted(
                        warmupRate), warmupRate, Duration.ofSeconds(options.warmup),
                        Duration.ofSeconds(Math.max(options.drain, options.warmup)))));

                List<LoadPhase> ladder = new ArrayList<>();
                for (int rate : options.rates) {
                    System.out.printf("%,d contacts/s offered, open loop, %d s ...%n", rate, options.seconds);
                    ladder.add(InvalidRun.requireSound(printed(phases.run("%,d/s".formatted(rate), rate, phase))));
                }
                System.out.printf("Full load: as fast as the pipeline queues, %d s ...%n", options.seconds);
                LoadPhase fullLoad = InvalidRun.requireSound(printed(phases.run("full load", 0, phase)));

                System.out.printf("%d agents pull and complete the backlog (after %d s unmeasured) ...%n",
                        options.agents, options.agentWarmup);
                AgentPhase agents = InvalidRun.requireSound(AgentPhase.run(stack, client, options.agents,
                        Duration.ofSeconds(options.agentWarmup), phase, options.seed));
                ResourceUsage atRest = idle("at rest after the run", SETTLE_AFTER_AGENTS, stack, machine, options);
                // Measured again: on a shared machine one measurement moved 1.8 × within 15 minutes.
                System.out.println("Measuring the machine's ceilings again ...");
                Ceilings.Figures ceilingsAfter = measureCeilings(ceilings);
                return new BenchReport(machine, options, ceilingsBefore, ceilingsAfter, idle, coldStart, ladder,
                        fullLoad, agents, atRest);
            } finally {
                httpThreads.shutdownNow(); // a non-daemon pool would keep this JVM alive after the run
            }
        }
    }

    private static Ceilings.Figures measureCeilings(Ceilings ceilings) throws Exception {
        Ceilings.Figures figures = ceilings.measure(200_000, 900, Duration.ofSeconds(10));
        System.out.printf("  Kafka produce %,.0f/s, PostgreSQL inserts %,.0f/s%n", figures.kafkaProducePerSecond(),
                figures.postgresInsertsPerSecond());
        return figures;
    }

    /**
     * The stack doing nothing: right after start-up (what a fresh start costs while the JIT still compiles) and again
     * after the run (compiled, with the backlog the agents left queued).
     */
    private static ResourceUsage idle(String name, Duration settle, SwitchboardStack stack, Machine machine,
            Options options) throws InterruptedException {
        System.out.printf("%s: left alone for %d s, then sampled for %d s ...%n", name, settle.toSeconds(), options.idle);
        Thread.sleep(settle.toMillis());
        ResourceUsage idle = ProcessSampler.measure(stack, Duration.ofSeconds(options.idle));
        System.out.printf("  %s: CPU %.1f %% of %d cores, resident memory %,d MiB (sum of RSS), %,d MiB (PSS)%n", name,
                idle.stackCpuPercentOf(machine.cores()), machine.cores(), idle.stackPeak().rssMiB(),
                idle.stackPeak().pssMiB());
        return idle;
    }

    /** One line per phase while the run goes on: a long run shows early what it is heading for. */
    private static LoadPhase printed(LoadPhase phase) {
        System.out.printf("  %s: %,.0f accepted/s (%,d not), %,.0f queued/s, webhook → pullable p50 / p99 %s, %,d left"
                        + " after %.0f s%n", phase.name(), phase.load().acceptedPerSecond(), phase.load().rejected(),
                phase.queuedPerSecond(), phase.webhookToQueued().medianAndP99(), phase.backlogLeft(),
                phase.drainSeconds());
        return phase;
    }

    /**
     * @param warmup      seconds of load before the measured phases, while the JIT compiles (reported as cold start)
     * @param agentWarmup seconds the agents work unmeasured first: their path has not run before; longer would work
     *                    off the backlog their profiles can take before the measurement
     */
    record Options(long seed, int seconds, List<Integer> rates, int agents, int warmup, int agentWarmup, int idle,
            int drain) {

        private static final Map<String, String> DEFAULTS = Map.of("--seed", "42", "--seconds", "20",
                "--rates", "50,100,200,500,1000", "--agents", "200", "--warmup", "150", "--agent-warmup", "45",
                "--idle", "30", "--drain", "60");

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
            for (int i = 0; i < args.length; i += 2) {
                if (!values.containsKey(args[i]) || i + 1 == args.length) {
                    throw new IllegalArgumentException("unknown option or missing value: " + args[i] + "; known: "
                            + DEFAULTS.keySet());
                }
                values.put(args[i], args[i + 1]);
            }
            List<Integer> rates = Arrays.stream(values.get("--rates").split(",")).map(String::trim)
                    .map(Integer::parseInt).sorted().toList();
            if (rates.isEmpty() || rates.get(0) <= 0) {
                throw new IllegalArgumentException("--rates needs positive contacts/s, e.g. 50,100,200");
            }
            return new Options(Long.parseLong(values.get("--seed")), Integer.parseInt(values.get("--seconds")), rates,
                    Integer.parseInt(values.get("--agents")), Integer.parseInt(values.get("--warmup")),
                    Integer.parseInt(values.get("--agent-warmup")), Integer.parseInt(values.get("--idle")),
                    Integer.parseInt(values.get("--drain")));
        }
    }
}
