package io.switchboard.bench;

import io.switchboard.runtime.ServiceSpec;
import io.switchboard.runtime.SwitchboardStack;
import io.switchboard.runtime.gateway.Gateways;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code deploy/bench/run}: the whole system on this machine under signed webhook load, with an agent fleet,
 * measured against the machine's own Kafka and PostgreSQL ceilings. Prints the figures and writes them to
 * docs/benchmarks.md. Options: {@code --seed N --seconds N --rate N --agents N --warmup N}.
 */
public final class BenchmarkRun {

    static final String LOAD_GENERATOR = "load generator";

    private BenchmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path root = Path.of(System.getProperty("switchboard.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createDirectories(root.resolve("deploy/bench/target/run-" + System.currentTimeMillis()));
        Machine machine = Machine.current();
        System.out.println("Machine: " + machine.describe());

        try (SwitchboardStack stack = SwitchboardStack.builder(root, state).freePorts().partitions(6)
                .serviceHeap("512m").build()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            System.out.println("Starting Kafka, PostgreSQL and all services ...");
            stack.start();
            BenchReport report = new BenchReport(machine, options);

            System.out.println("Measuring the machine's ceilings (Kafka perf tools, PostgreSQL inserts) ...");
            report.ceilings = new Ceilings(stack.bootstrapServers(), stack.postgres(), state)
                    .measure(200_000, 900, Duration.ofSeconds(10));

            ExecutorService httpThreads = Executors.newFixedThreadPool(4);
            try {
                HttpClient client = HttpClient.newBuilder().executor(httpThreads)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                TrafficMix traffic = new TrafficMix(options.seed, Long.toString(System.currentTimeMillis(), 36),
                        new Gateways(stack::url));

                // Eight JVMs compiling their hot paths at once would otherwise be measured as the system's speed.
                System.out.printf("Warm-up: %d s at %,d contacts/s (not reported) ...%n", options.warmup, options.rate / 4);
                loadPhase(stack, client, traffic, options.rate / 4, options.warmup, 512);

                System.out.println("Phase 1: ingest as fast as the system accepts, " + options.seconds + " s ...");
                report.ingest = loadPhase(stack, client, traffic, 0, options.seconds, 512);

                System.out.printf("Phase 2: %,d contacts/s open loop, %d s ...%n", options.rate, options.seconds);
                report.steady = loadPhase(stack, client, traffic, options.rate, options.seconds, 2048);

                System.out.printf("Phase 3: %d agents pull and complete the backlog ...%n", options.agents);
                report.agents = agentPhase(stack, client, options.agents, options.seconds);
            } finally {
                httpThreads.shutdownNow(); // a non-daemon pool would keep this JVM alive after the run
            }

            String markdown = report.markdown();
            System.out.println();
            System.out.println(markdown);
            GeneratedDoc.write(root.resolve("docs/benchmarks.md"), markdown);
            System.out.println("Written to docs/benchmarks.md");
        }
    }

    private static BenchReport.LoadPhase loadPhase(SwitchboardStack stack, HttpClient client, TrafficMix traffic,
            int rate, int seconds, int maxInFlight) throws Exception {
        LoadDriver driver = new LoadDriver(client, stack::url);
        try (PipelineWatcher watcher = new PipelineWatcher(stack.bootstrapServers(), driver);
             ProcessSampler sampler = new ProcessSampler(pids(stack)).start()) {
            long start = System.nanoTime();
            LoadDriver.Result load = driver.run(traffic, rate, Duration.ofSeconds(seconds), maxInFlight);
            watcher.awaitQueued(load.accepted(), Duration.ofSeconds(15));
            double toLastQueued = (watcher.lastQueuedNanos() - start) / 1e9;
            return new BenchReport.LoadPhase(load, watcher.queued(), toLastQueued, watcher.webhookToQueued,
                    watcher.webhookToRouted, watcher.routedToQueued, sampler.stop());
        }
    }

    private static BenchReport.AgentPhase agentPhase(SwitchboardStack stack, HttpClient client, int agents, int seconds)
            throws Exception {
        List<AgentFleet.Agent> fleet = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String id = "bench-agent-" + i;
            fleet.add(new AgentFleet.Agent(id, stack.keys().token(id, Set.of("agent"), Duration.ofHours(2))));
        }
        AgentFleet work = new AgentFleet(client, stack.url("work-service"), fleet);
        String supervisor = stack.keys().token("bench-supervisor", Set.of("supervisor"), Duration.ofHours(2));
        work.signOn(supervisor, AgentProfiles::forAgent);
        try (ProcessSampler sampler = new ProcessSampler(pids(stack)).start()) {
            AgentFleet.Result result = work.work(Duration.ofSeconds(seconds), true);
            return new BenchReport.AgentPhase(agents, result, sampler.stop());
        }
    }

    /** Every process of the system: the broker, PostgreSQL's postmaster (with its backends) and the services. */
    private static Map<String, Long> pids(SwitchboardStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("kafka", stack.kafka().pid());
        stack.postgres().pid().ifPresent(pid -> pids.put("postgresql", pid));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            pids.put(spec.name(), stack.service(spec.name()).pid());
        }
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return pids;
    }

    record Options(long seed, int seconds, int rate, int agents, int warmup) {
        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("--seed", "42", "--seconds", "30", "--rate", "1000",
                    "--agents", "200", "--warmup", "30"));
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!values.containsKey(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + values.keySet());
                }
                values.put(args[i], args[i + 1]);
            }
            return new Options(Long.parseLong(values.get("--seed")), Integer.parseInt(values.get("--seconds")),
                    Integer.parseInt(values.get("--rate")), Integer.parseInt(values.get("--agents")),
                    Integer.parseInt(values.get("--warmup")));
        }
    }
}
