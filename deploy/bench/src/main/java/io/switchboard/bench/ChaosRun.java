package io.switchboard.bench;

import io.switchboard.contracts.Channel;
import io.switchboard.runtime.SwitchboardStack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The fault suite: under steady signed webhook load, {@code kill -9} and restart in turn the broker, PostgreSQL,
 * the routing engine, the work-service, an adapter and the ops-service; a redelivery storm; a rolling SIGTERM
 * restart of every service; garbage on every topic a service reads. Each fault is checked to have happened. Then
 * every webhook that got a 2xx is reconciled against the work items (zero lost, zero duplicated), and every webhook
 * endpoint is fuzzed. {@code deploy/bench/chaos} runs the long form and writes docs/faults.md; the system tests
 * run a short form.
 */
public final class ChaosRun {

    /** A steady phase must see at least this share of the offered webhooks accepted, or the run proves little. */
    static final double MIN_ACCEPTED = 0.8;

    /** How far back from a graceful stop a webhook may have been sent and still be in flight. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(2);

    /**
     * One fault and what it did to the load sent from its start until contacts flowed again.
     *
     * @param down     how long the part was down, null for faults that take nothing down
     * @param recovery from the restart until a contact of every channel was accepted and stored
     * @param problems what shows the fault did not happen, or did harm; empty when it is clean
     */
    public record FaultOutcome(String fault, String evidence, Duration down, Duration recovery, SentLog.Tally load,
            List<String> problems) {
    }

    public record Outcome(LoadDriver.Result load, List<FaultOutcome> faults, List<String> steadyProblems,
            Reconciliation.Outcome reconciliation, WebhookFuzzer.Outcome fuzz) {
        public boolean clean() {
            return reconciliation.clean() && fuzz.clean() && problems().isEmpty();
        }

        /** Faults that did not happen or did harm, and steady phases that accepted too little. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>(steadyProblems);
            faults.forEach(fault -> fault.problems().forEach(problem -> problems.add(fault.fault() + ": " + problem)));
            return problems;
        }
    }

    public record Options(long seed, int rate, Duration steady, Duration outage) {
    }

    private record Period(Instant from, Instant to) {
    }

    /**
     * A fault's period and outcome, before the reconciliation says what was lost in it.
     *
     * @param graceful whether requests in flight when it began must still be answered
     * @param answers  the channels whose webhooks the stopped process answers (an adapter's; none for the others)
     */
    private record Injected(String fault, String evidence, Duration down, Duration recovery, Period period,
            boolean graceful, Set<Channel> answers, List<String> problems) {
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
        String runId = "chaos" + Long.toString(System.currentTimeMillis(), 36);
        LoadDriver driver = new LoadDriver(client, stack::url);
        Reconciliation reconciliation = new Reconciliation(stack.postgres(), stack.bootstrapServers());
        SentLog traffic = new SentLog(new TrafficMix(options.seed(), runId, stack.gateways()));
        ContactFlow flow = new ContactFlow(driver, reconciliation, stack.gateways(), runId);

        AtomicBoolean loading = new AtomicBoolean(true);
        CompletableFuture<LoadDriver.Result> load = CompletableFuture.supplyAsync(() -> {
            try {
                return driver.run(traffic, options.rate(), loading::get, 64);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        List<Period> steady = new ArrayList<>();
        List<Injected> faults = new ArrayList<>();
        try {
            // The first steady phase begins once the load and every channel flow: a cold start is no phase.
            flow.await();
            for (Fault fault : Fault.crashes(stack)) {
                steady.add(steady());
                faults.add(inject(fault, options.outage(), flow));
            }
            steady.add(steady());
            faults.add(storm(driver, traffic, flow));
            steady.add(steady());
            for (Fault fault : Fault.rollingRestart(stack)) {
                faults.add(inject(fault, Duration.ZERO, flow));
            }
            steady.add(steady());
            faults.add(garbage(client, flow));
            steady.add(steady());
        } finally {
            loading.set(false); // also when a fault did not recover: the load must not outlive the run
        }
        LoadDriver.Result result = load.get();

        Reconciliation.Outcome reconciled = reconciliation.reconcile(driver.accepted(), id -> driver.sentAt(id) != null,
                Duration.ofSeconds(120));
        Set<String> lost = new HashSet<>(reconciled.lost());
        List<String> steadyProblems = steadyProblems(steady, traffic, driver, lost);
        List<FaultOutcome> outcomes = faults.stream().map(fault -> outcome(fault, traffic, driver, lost)).toList();

        WebhookFuzzer.Outcome fuzz;
        try (TopicReader topics = new TopicReader(stack.bootstrapServers())) {
            fuzz = new WebhookFuzzer(client, driver, new EndpointSamples(stack.gateways(), stack.webhookSecrets()),
                    stack::url, topics, options.seed()).run();
        }
        List<String> dead = deadServices();
        if (!dead.isEmpty()) {
            throw new IllegalStateException(dead + " died during the fuzz run");
        }
        return new Outcome(result, outcomes, steadyProblems, reconciled, fuzz);
    }

    /** Steady phases that accepted less than {@link #MIN_ACCEPTED} of what the rate offered. */
    private List<String> steadyProblems(List<Period> steady, SentLog traffic, LoadDriver driver, Set<String> lost) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steady.size(); i++) {
            Period period = steady.get(i);
            long offered = Math.round(options.rate() * Duration.between(period.from(), period.to()).toMillis() / 1000.0);
            long accepted = traffic.tally(period.from(), period.to(), driver, lost).accepted();
            if (accepted < MIN_ACCEPTED * offered) {
                problems.add("steady phase %d: %d of %d offered webhooks accepted".formatted(i + 1, accepted, offered));
            }
        }
        return problems;
    }

    /** What a fault did to the load, lost webhooks and (for a graceful stop) requests cut in flight among its problems. */
    private static FaultOutcome outcome(Injected fault, SentLog traffic, LoadDriver driver, Set<String> lost) {
        SentLog.Tally tally = traffic.tally(fault.period().from(), fault.period().to(), driver, lost);
        List<String> problems = new ArrayList<>(fault.problems());
        if (tally.lost() > 0) {
            problems.add(tally.lost() + " accepted webhooks lost");
        }
        // Only the stopped adapter's own webhooks can be cut by its stop; a failure elsewhere at that moment is not.
        long cut = fault.graceful() ? traffic.tally(fault.period().from().minus(IN_FLIGHT), fault.period().from(),
                fault.answers()::contains, driver, lost).unanswered() : 0;
        if (cut > 0) {
            problems.add(cut + " webhooks sent in the " + IN_FLIGHT.toSeconds() + " s before the SIGTERM got no answer");
        }
        return new FaultOutcome(fault.fault(), fault.evidence(), fault.down(), fault.recovery(), tally, problems);
    }

    private Period steady() throws InterruptedException {
        Instant from = Instant.now();
        Thread.sleep(options.steady().toMillis());
        return new Period(from, Instant.now());
    }

    private Injected inject(Fault fault, Duration outage, ContactFlow flow) throws Exception {
        System.out.println("  " + fault);
        Instant from = Instant.now();
        Outage injected = Outage.inject(fault, outage);
        Duration recovery = flow.await();
        System.out.printf("  %s: %s; contacts flow again %.1f s after the restart%n", fault, injected.evidence(),
                recovery.toMillis() / 1000.0);
        return new Injected(fault.toString(), injected.evidence(), Duration.ofMillis((long) (injected.downSeconds() * 1000)),
                recovery, new Period(from, Instant.now()), fault.action() == Fault.Action.TERM,
                Arrays.stream(Channel.values()).filter(channel -> channel.name().equalsIgnoreCase(fault.name()))
                        .collect(Collectors.toSet()),
                injected.problems());
    }

    /** As many webhooks as half a steady phase offers, each delivered 2–5 times at once, while the load goes on. */
    private Injected storm(LoadDriver driver, SentLog traffic, ContactFlow flow) throws Exception {
        System.out.println("  redelivery storm");
        Instant from = Instant.now();
        int webhooks = (int) Math.max(20, options.rate() * options.steady().toSeconds() / 2);
        RedeliveryStorm.Result storm = new RedeliveryStorm(driver, options.seed()).run(traffic, webhooks);
        List<String> problems = new ArrayList<>();
        if (storm.load().accepted() < MIN_ACCEPTED * storm.deliveries()) {
            problems.add("%d of %d deliveries accepted %s".formatted(storm.load().accepted(), storm.deliveries(),
                    storm.load().failuresByStatus()));
        }
        return new Injected("redelivery storm", storm.toString(), null, flow.await(), new Period(from, Instant.now()),
                false, Set.of(), problems);
    }

    /** Garbage on every topic a service reads: dead-lettered, nobody stops, and contacts after it are stored and counted. */
    private Injected garbage(HttpClient client, ContactFlow flow) throws Exception {
        System.out.println("  garbage records on every topic a service reads");
        Instant from = Instant.now();
        OpsBoard ops = new OpsBoard(client, stack);
        List<String> problems = new ArrayList<>();
        OpsBoard.Totals before = opsTotals(ops, problems);
        GarbageRecords.Result garbage = new GarbageRecords(stack.bootstrapServers()).run(Duration.ofSeconds(60));
        if (!garbage.missing().isEmpty()) {
            problems.add("not dead-lettered: " + garbage.missing());
        }
        deadServices().forEach(service -> problems.add(service + " died"));
        Duration recovery = flow.await();
        try {
            if (before != null && !ops.growsBeyond(before, Duration.ofSeconds(30))) {
                problems.add("the ops-service stopped counting routed and queued contacts");
            }
        } catch (IOException e) {
            problems.add("ops-service: " + e.getMessage());
        }
        return new Injected("garbage on " + GarbageRecords.TOPICS.size() + " topics", garbage.toString(), null,
                recovery, new Period(from, Instant.now()), false, Set.of(), problems);
    }

    private static OpsBoard.Totals opsTotals(OpsBoard ops, List<String> problems) throws InterruptedException {
        try {
            return ops.totals();
        } catch (IOException e) {
            problems.add("ops-service: " + e.getMessage());
            return null;
        }
    }

    private List<String> deadServices() {
        return stack.services().entrySet().stream().filter(service -> !service.getValue().isAlive())
                .map(Map.Entry::getKey).sorted().toList();
    }

    public String markdown(Outcome outcome) {
        StringBuilder md = new StringBuilder("# Fault suite\n\n");
        md.append("Measured by the fault suite (`ChaosRun`) on ").append(LocalDate.now()).append(": ")
                .append(Machine.current().describe()).append(". Steady load of ").append(options.rate())
                .append(" signed webhooks/s of all five channels (seed ").append(options.seed()).append("), ")
                .append(options.steady().toSeconds()).append(" s of it before each fault. A part killed with SIGKILL ")
                .append("is left down for ").append(options.outage().toSeconds()).append(" s; the rolling restart stops ")
                .append("each service with SIGTERM and starts it again at once. *Recovery* is from the restart until a ")
                .append("new contact of every channel is accepted and stored. The load columns count the steady load's ")
                .append("webhooks sent from the fault until recovery; *no answer* is a refused or cut connection.\n\n");
        md.append("| fault | it happened | down for | recovery | sent | accepted | no answer | 5xx | accepted and lost |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (FaultOutcome fault : outcome.faults()) {
            md.append("| %s | %s | %s | %s | %,d | %,d | %,d | %,d | %,d |\n".formatted(fault.fault(), fault.evidence(),
                    seconds(fault.down()), seconds(fault.recovery()), fault.load().sent(), fault.load().accepted(),
                    fault.load().unanswered(), fault.load().serverErrors(), fault.load().lost()));
        }
        md.append("\n**Reconciliation**: ").append(outcome.reconciliation()).append(". Webhooks not accepted over the ")
                .append("whole run (status → count, -1 = no answer): ").append(outcome.load().failuresByStatus())
                .append(" — the gateways retry those. Every steady phase accepted at least ")
                .append(Math.round(MIN_ACCEPTED * 100)).append(" % of the offered webhooks")
                .append(outcome.steadyProblems().isEmpty() ? "." : ": **no**.").append("\n\n");
        md.append("**Fuzzing** every webhook endpoint: ").append(outcome.fuzz()).append(".\n\n");
        if (!outcome.problems().isEmpty()) {
            md.append("**Problems**:\n");
            outcome.problems().forEach(problem -> md.append("- ").append(problem).append('\n'));
            md.append('\n');
        }
        md.append("Verdict: ").append(outcome.clean()
                ? "**clean** — every fault happened, nothing lost, nothing duplicated, every signed delivery kept, no bad request accepted."
                : "**NOT clean**.").append('\n');
        return md.toString();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "—" : "%.1f s".formatted(duration.toMillis() / 1000.0);
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
