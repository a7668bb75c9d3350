package io.switchboard.bench;

import io.switchboard.runtime.SwitchboardStack;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fault suite: under steady signed webhook load, {@code kill -9} and restart in turn the broker, PostgreSQL,
 * the routing engine and the work-service; then every webhook that got a 2xx is reconciled against the work
 * items (zero lost, zero duplicated), and every webhook endpoint is fuzzed. {@code deploy/bench/chaos} runs the
 * long form and writes docs/faults.md; the system tests run a short form.
 */
public final class ChaosRun {

    public record FaultOutcome(String fault, double outageSeconds, double recoverySeconds) {
    }

    public record Outcome(LoadDriver.Result load, List<FaultOutcome> faults, Reconciliation.Outcome reconciliation,
            WebhookFuzzer.Outcome fuzz) {
        public boolean clean() {
            return reconciliation.clean() && fuzz.clean();
        }
    }

    public record Options(long seed, int rate, Duration steady, Duration outage) {
    }

    private final SwitchboardStack stack;
    private final Options options;

    public ChaosRun(SwitchboardStack stack, Options options) {
        this.stack = stack;
        this.options = options;
    }

    public Outcome run() throws Exception {
        ExecutorService httpThreads = Executors.newFixedThreadPool(2);
        try {
            return run(HttpClient.newBuilder().executor(httpThreads).connectTimeout(Duration.ofSeconds(2)).build());
        } finally {
            httpThreads.shutdownNow();
        }
    }

    private Outcome run(HttpClient client) throws Exception {
        Gateways gateways = stack.gateways();
        LoadDriver driver = new LoadDriver(client, stack::url);
        Reconciliation reconciliation = new Reconciliation(stack.postgres());
        TrafficMix traffic = new TrafficMix(options.seed(), "chaos" + Long.toString(System.currentTimeMillis(), 36), gateways);

        AtomicBoolean loading = new AtomicBoolean(true);
        CompletableFuture<LoadDriver.Result> load = CompletableFuture.supplyAsync(() -> {
            try {
                return driver.run(traffic, options.rate(), loading::get, 64);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        List<FaultOutcome> faults = new ArrayList<>();
        try {
            for (Fault fault : Fault.all(stack)) {
                Thread.sleep(options.steady().toMillis());
                System.out.println("  kill -9 " + fault.name());
                long crashed = System.nanoTime();
                fault.crash().run();
                Thread.sleep(options.outage().toMillis());
                long restarted = System.nanoTime();
                fault.restart().run();
                awaitFlowing(driver, reconciliation, traffic);
                long recovered = System.nanoTime();
                faults.add(new FaultOutcome(fault.name(), (restarted - crashed) / 1e9, (recovered - restarted) / 1e9));
                System.out.printf("  %s back: contacts flow again %.1f s after the restart%n", fault.name(),
                        (recovered - restarted) / 1e9);
            }
            Thread.sleep(options.steady().toMillis());
        } finally {
            loading.set(false); // also when a fault did not recover: the load must not outlive the run
        }
        LoadDriver.Result result = load.get();

        Reconciliation.Outcome reconciled = reconciliation.reconcile(driver.accepted(),
                Duration.ofSeconds(120));
        WebhookFuzzer.Outcome fuzz = new WebhookFuzzer(driver, gateways, stack.bootstrapServers(), options.seed()).run();
        for (String service : stack.services().keySet()) {
            if (!stack.service(service).isAlive()) {
                throw new IllegalStateException(service + " died during the fuzz run");
            }
        }
        return new Outcome(result, faults, reconciled, fuzz);
    }

    /** Until a new contact sent after the restart is accepted and stored by the work-service. */
    private static void awaitFlowing(LoadDriver driver, Reconciliation reconciliation, TrafficMix traffic)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            SignedWebhook probe = traffic.get();
            if (driver.send(probe) / 100 == 2) {
                long storedBy = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < storedBy) {
                    if (!reconciliation.stored(Set.of(probe.contactId())).isEmpty()) {
                        return;
                    }
                    Thread.sleep(100);
                }
            } else {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("contacts did not flow again within 3 minutes of the restart");
    }

    public String markdown(Outcome outcome) {
        StringBuilder md = new StringBuilder("# Fault suite\n\n");
        md.append("Measured by the fault suite (`ChaosRun`) on ").append(LocalDate.now()).append(": ")
                .append(Machine.current().describe()).append(". Steady load of ").append(options.rate())
                .append(" signed webhooks/s of all five channels (seed ").append(options.seed()).append("); each part ")
                .append("of the system is killed with SIGKILL, left down for ").append(options.outage().toSeconds())
                .append(" s and restarted. *Recovery* is from the restart until a new contact is accepted and stored.\n\n");
        md.append("| fault | down for | recovery |\n|---|---|---|\n");
        for (FaultOutcome fault : outcome.faults()) {
            md.append("| kill -9 %s | %.1f s | %.1f s |\n".formatted(fault.fault(), fault.outageSeconds(), fault.recoverySeconds()));
        }
        md.append("\n**Reconciliation**: ").append(outcome.reconciliation()).append(". Webhooks answered with an error")
                .append(" during the outages (status → count): ").append(outcome.load().failuresByStatus())
                .append(" — the gateways retry those.\n\n");
        md.append("**Fuzzing** every webhook endpoint: ").append(outcome.fuzz()).append(".\n\n");
        md.append("Verdict: ").append(outcome.clean() ? "**clean** — nothing lost, nothing duplicated, no bad request accepted."
                : "**NOT clean**.").append('\n');
        return md.toString();
    }

    /** {@code deploy/bench/chaos [--seed N --rate N --steady S --outage S]}: the long form. */
    public static void main(String[] args) throws Exception {
        Map<String, String> values = new LinkedHashMap<>(Map.of("--seed", "42", "--rate", "50", "--steady", "15",
                "--outage", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (values.put(args[i], args[i + 1]) == null) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Options options = new Options(Long.parseLong(values.get("--seed")), Integer.parseInt(values.get("--rate")),
                Duration.ofSeconds(Long.parseLong(values.get("--steady"))),
                Duration.ofSeconds(Long.parseLong(values.get("--outage"))));
        Path root = Path.of(System.getProperty("switchboard.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createDirectories(root.resolve("deploy/bench/target/chaos-" + System.currentTimeMillis()));
        try (SwitchboardStack stack = SwitchboardStack.builder(root, state).freePorts().partitions(6).build()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            System.out.println("Starting Kafka, PostgreSQL and all services ...");
            stack.start();
            ChaosRun chaos = new ChaosRun(stack, options);
            Outcome outcome = chaos.run();
            String markdown = chaos.markdown(outcome);
            System.out.println();
            System.out.println(markdown);
            GeneratedDoc.write(root.resolve("docs/faults.md"), markdown);
            System.out.println("Written to docs/faults.md");
            if (!outcome.clean()) {
                System.exit(1);
            }
        }
    }
}
