package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.contracts.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Agents working the queues through the agents' API, as desktops in auto-accept: pull an item (it comes accepted),
 * handle it, complete it and take the next (accepted too) in one request, and so on; pull again when none came.
 * Handling takes no time (the agents work as fast as the system lets them) or a random time with a given mean. Each
 * agent is an asynchronous request chain, so hundreds of agents need no thread each.
 */
final class AgentFleet {

    record Agent(String id, String token) {
    }

    /**
     * @param pullLatency      pulls that brought an item
     * @param emptyPullLatency pulls that found none for the agent: they wait up to {@link #PULL_WAIT_SECONDS} for
     *                         one (long polling), so their time is the agent's wait for work, not the system's answer
     */
    record Result(long completed, long errors, double seconds, Latencies pullLatency, Latencies emptyPullLatency) {
        double completedPerSecond() {
            return completed / seconds;
        }

        long emptyPulls() {
            return emptyPullLatency.count();
        }
    }

    /** How long a pull waits for an item when none is there for the agent (the API's {@code waitSeconds}). */
    static final int PULL_WAIT_SECONDS = 1;
    private static final String ACCEPT_AND_WAIT = "?accept=true&waitSeconds=" + PULL_WAIT_SECONDS;

    private static final Map<String, Object> COMPLETION = Map.of("resolution", "ANSWERED",
            "firstContactResolution", true, "notes", "bench");

    private final HttpClient client;
    private final String workService;
    private final List<Agent> agents;

    AgentFleet(HttpClient client, String workService, List<Agent> agents) {
        this.client = client;
        this.workService = workService;
        this.agents = List.copyOf(agents);
    }

    /** Registers every agent (as supervisor) with the profile of its index, and makes it available. */
    void signOn(String supervisorToken, java.util.function.IntFunction<Map<String, Object>> profiles)
            throws IOException, InterruptedException {
        for (int i = 0; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            expect2xx(client.send(request(supervisorToken, "/api/agents/" + agent.id(), "PUT", profiles.apply(i)),
                    HttpResponse.BodyHandlers.ofString()));
            expect2xx(client.send(request(agent.token(), "/api/agents/me/status", "POST", Map.of("status", "AVAILABLE")),
                    HttpResponse.BodyHandlers.ofString()));
        }
    }

    /**
     * Works until {@code duration} has passed, or until {@code stopWhenIdle} pulls in a row find nothing. Each item
     * is handled for a time drawn from an exponential distribution with mean {@code handling} (none for zero),
     * with {@code seed}'s draws.
     */
    Result work(Duration duration, boolean stopWhenIdle, Duration handling, long seed) {
        Tally tally = new Tally(System.nanoTime() + duration.toNanos(), stopWhenIdle);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            loops.add(loop(new Desk(agents.get(i), handling, new SplittableRandom(seed + i)), tally));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        return new Result(tally.completed.get(), tally.errors.get(), (System.nanoTime() - start) / 1e9, tally.pulls,
                tally.emptyPulls);
    }

    private CompletableFuture<Void> loop(Desk desk, Tally tally) {
        if (tally.over()) {
            return CompletableFuture.completedFuture(null);
        }
        long pulled = System.nanoTime();
        return send(desk.agent(), "/api/work/next" + ACCEPT_AND_WAIT, null).thenCompose(next -> {
            if (next.statusCode() == 204) {
                tally.foundNothing(pulled);
                return loop(desk, tally);
            }
            if (next.statusCode() != 200) {
                tally.errors.incrementAndGet();
                return loop(desk, tally);
            }
            tally.pulls.recordNanos(System.nanoTime() - pulled);
            return desk.handled().thenCompose(handled -> work(desk, readTree(next.body()).path("id").asText(), tally));
        });
    }

    /**
     * Completes the accepted item and takes the next, accepted, in one request (as an agent's desktop in auto-accept
     * does with "complete and next"); that request is the pull for the next item, so its latency counts as one.
     */
    private CompletableFuture<Void> work(Desk desk, String item, Tally tally) {
        if (tally.over()) {
            // The phase is over: complete without taking another, so no item is left with an agent.
            return send(desk.agent(), "/api/work/" + item + "/complete", COMPLETION).thenAccept(done ->
                    (done.statusCode() == 200 ? tally.completed : tally.errors).incrementAndGet());
        }
        long pulled = System.nanoTime();
        String completeAndNext = "/api/work/" + item + "/complete-and-next" + ACCEPT_AND_WAIT;
        return send(desk.agent(), completeAndNext, COMPLETION).thenCompose(done -> {
            if (done.statusCode() != 200) {
                tally.errors.incrementAndGet();
                return loop(desk, tally);
            }
            tally.completed.incrementAndGet();
            JsonNode next = readTree(done.body()).path("next");
            if (next.isMissingNode() || next.isNull()) {
                tally.foundNothing(pulled);
                return loop(desk, tally);
            }
            tally.pulls.recordNanos(System.nanoTime() - pulled);
            return desk.handled().thenCompose(handled -> work(desk, next.path("id").asText(), tally));
        });
    }

    /** What all agents of one {@link #work} did, and whether they should stop. */
    private static final class Tally {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong completed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Latencies pulls = new Latencies();
        final Latencies emptyPulls = new Latencies();
        final long end;
        final boolean stopWhenIdle;

        Tally(long end, boolean stopWhenIdle) {
            this.end = end;
            this.stopWhenIdle = stopWhenIdle;
        }

        boolean over() {
            return !running.get() || System.nanoTime() > end;
        }

        void foundNothing(long pulled) {
            emptyPulls.recordNanos(System.nanoTime() - pulled);
            if (stopWhenIdle) {
                running.set(false);
            }
        }
    }

    /** An agent at its desk: how long it handles an item, drawn for each. */
    private record Desk(Agent agent, Duration handling, SplittableRandom random) {

        /** Completes when the item is handled: at once without handling time, else after an exponential draw. */
        CompletableFuture<Void> handled() {
            if (handling.isZero()) {
                return CompletableFuture.completedFuture(null);
            }
            long millis = Math.round(-Math.log(1 - random.nextDouble()) * handling.toMillis());
            return CompletableFuture.runAsync(() -> {
            }, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
        }
    }

    private CompletableFuture<HttpResponse<String>> send(Agent agent, String path, Object body) {
        return client.sendAsync(request(agent.token(), path, "POST", body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String token, String path, String method, Object body) {
        try {
            String json = body == null ? "" : Json.mapper().writeValueAsString(body);
            return HttpRequest.newBuilder(URI.create(workService + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect2xx(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
