package io.switchboard.work;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.ChildProcess;
import io.switchboard.runtime.JwtKeys;
import io.switchboard.runtime.KafkaNode;
import io.switchboard.runtime.Ports;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two work-service instances (the packaged application, as two processes) on one Kafka consumer group and one
 * PostgreSQL database; 50 agents, half on each instance, pull in parallel from 2,000 queued items. Every item is
 * handed out exactly once, and both instances hand out work.
 */
class TwoInstancesIT {

    private static final int ITEMS = 2_000;
    private static final int AGENTS = 50;
    private static final String SKILL = "two-instances";
    private static final int RESTART_AGENTS = 8;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SwitchboardTestResource infrastructure;
    private static Map<String, String> config;
    private static JwtKeys keys;
    private static final List<ChildProcess> instances = new ArrayList<>();
    private static final List<String> urls = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        infrastructure = new SwitchboardTestResource();
        infrastructure.init(Map.of("postgres", "true"));
        config = infrastructure.start();
        KafkaNode.createTopics(config.get("kafka.bootstrap.servers"), Topics.ALL, 4);
        keys = JwtKeys.in(Path.of("target", "two-instances", "jwt"));
        for (String name : List.of("work-a", "work-b")) {
            int port = Ports.free();
            List<String> properties = new ArrayList<>(List.of(
                    "-Dquarkus.http.port=" + port,
                    "-Dmp.jwt.verify.publickey.location=" + keys.publicKeyFile().toUri(),
                    // Items stay reserved for the whole test: a second hand-out would only be a timeout.
                    "-Dswitchboard.work.reservation-timeout=30m",
                    "-Dswitchboard.work.presence-timeout=30m"));
            config.forEach((key, value) -> properties.add("-D" + key + "=" + value));
            ChildProcess instance = new ChildProcess(name, ChildProcess.java("256m", properties,
                    List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())), Map.of(),
                    Path.of("target", "two-instances", name + ".log"));
            instances.add(instance.start());
            urls.add("http://127.0.0.1:" + port);
        }
        for (int i = 0; i < instances.size(); i++) {
            String health = urls.get(i) + "/q/health/ready";
            instances.get(i).awaitReady(() -> ChildProcess.answers200(health), Duration.ofSeconds(150));
        }
    }

    @AfterAll
    static void stopEverything() {
        // Both at once: each takes the graceful shutdown's seconds.
        instances.stream().map(instance -> CompletableFuture.runAsync(() -> instance.stop(Duration.ofSeconds(20))))
                .toList().forEach(CompletableFuture::join);
        if (infrastructure != null) {
            infrastructure.stop();
        }
    }

    @Test
    void fiftyAgentsOnTwoInstancesGetEveryItemExactlyOnce() throws Exception {
        String supervisor = keys.token("sup-1", Set.of("supervisor"), Duration.ofHours(1));
        List<String> agents = IntStream.range(0, AGENTS).mapToObj(i -> "agent-" + i).toList();
        for (int i = 0; i < AGENTS; i++) {
            String agent = agents.get(i);
            send(urls.get(0), "PUT", "/api/agents/" + agent, supervisor, """
                    {"name":"%s","office":"FRONT_OFFICE","skills":["%s"],"languages":["nl"],
                     "capacity":{"WHATSAPP":%d}}""".formatted(agent, SKILL, ITEMS), 200);
            send(urls.get(i % 2), "POST", "/api/agents/me/status", token(agent), "{\"status\":\"AVAILABLE\"}", 200);
        }
        List<ContactRouted> contacts = IntStream.range(0, ITEMS)
                // One customer each: a second contact of the same customer would rightly join the first's conversation.
                .mapToObj(i -> RoutedContacts.contact(Channel.WHATSAPP, Office.FRONT_OFFICE).skills(SKILL)
                        .customer("phone:+31620%06d".formatted(i)).build())
                .toList();
        try (KafkaCompanion kafka = new KafkaCompanion(config.get("kafka.bootstrap.servers"))) {
            new RoutedContacts(kafka).publish(contacts);
        }

        Map<String, String> holderByContact = new ConcurrentHashMap<>();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger[] perInstance = { new AtomicInteger(), new AtomicInteger() };
        everyAgentAtOnce(agents, Duration.ofMinutes(4), () -> holderByContact.size() + duplicates.size() >= ITEMS,
                (index, agent) -> {
                    int instance = index % 2;
                    JsonNode item = pull(urls.get(instance), agent);
                    if (item != null) {
                        perInstance[instance].incrementAndGet();
                        if (holderByContact.putIfAbsent(item.get("contactId").asText(), agent) != null) {
                            duplicates.add(item.get("contactId").asText());
                        }
                    }
                });

        assertThat(duplicates).as("items handed out twice").isEmpty();
        assertThat(holderByContact.keySet())
                .containsExactlyInAnyOrderElementsOf(contacts.stream().map(ContactRouted::contactId).toList());
        assertThat(perInstance[0].get()).as("items handed out by instance A").isPositive();
        assertThat(perInstance[1].get()).as("items handed out by instance B").isPositive();
        for (String url : urls) {
            assertThat(request(url, "POST", "/api/work/next?waitSeconds=1", token(agents.get(0)), "").statusCode())
                    .isEqualTo(204);
        }
        System.out.printf("two instances handed out %d + %d items to %d agents%n", perInstance[0].get(),
                perInstance[1].get(), AGENTS);
    }

    @Test
    void anInstanceKilledMidStreamLosesAndDuplicatesNoContact() throws Exception {
        String skill = "restart-" + java.util.UUID.randomUUID();
        // A few agents working at once, each a call at a time, so that 400 calls are taken in seconds.
        List<String> agents = IntStream.range(0, RESTART_AGENTS).mapToObj(i -> "agent-restart-" + i).toList();
        String supervisor = keys.token("sup-1", Set.of("supervisor"), Duration.ofHours(1));
        for (String agent : agents) {
            send(urls.get(0), "PUT", "/api/agents/" + agent, supervisor, """
                    {"name":"R","office":"BACK_OFFICE","skills":["%s"],"capacity":{"PHONE":1}}""".formatted(skill),
                    200);
            send(urls.get(0), "POST", "/api/agents/me/status", token(agent), "{\"status\":\"AVAILABLE\"}", 200);
        }
        List<ContactRouted> contacts = IntStream.range(0, 400)
                .mapToObj(i -> RoutedContacts.contact(Channel.PHONE, Office.BACK_OFFICE).skills(skill).build())
                .toList();
        try (KafkaCompanion kafka = new KafkaCompanion(config.get("kafka.bootstrap.servers"))) {
            RoutedContacts routed = new RoutedContacts(kafka);
            routed.publish(contacts.subList(0, 200));
            instances.get(1).kill(); // kill -9 while it consumes: uncommitted offsets are redelivered to A
            routed.publish(contacts.subList(200, 400));
            instances.get(1).start();
            String health = urls.get(1) + "/q/health/ready";
            instances.get(1).awaitReady(() -> ChildProcess.answers200(health), Duration.ofSeconds(150));
        }

        List<String> pulled = Collections.synchronizedList(new ArrayList<>());
        everyAgentAtOnce(agents, Duration.ofMinutes(3), () -> pulled.size() >= contacts.size(), (index, agent) -> {
            // Pulled from either instance in turn, accepted on A and completed on B.
            JsonNode item = pull(urls.get((index + pulled.size()) % 2), agent);
            if (item != null) {
                pulled.add(item.get("contactId").asText());
                String id = item.get("id").asText();
                send(urls.get(0), "POST", "/api/work/" + id + "/accept", token(agent), "", 200);
                send(urls.get(1), "POST", "/api/work/" + id + "/complete", token(agent),
                        "{\"resolution\":\"ANSWERED\",\"firstContactResolution\":true}", 200);
            }
        });
        assertThat(pulled).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(contacts.stream().map(ContactRouted::contactId).toList());
        assertThat(request(urls.get(1), "POST", "/api/work/next?waitSeconds=2", token(agents.get(0)), "")
                .statusCode()).isEqualTo(204);
    }

    /** What an agent does over and over, {@code index} being its place in the list of agents. */
    @FunctionalInterface
    private interface AgentStep {
        void run(int index, String agent) throws Exception;
    }

    /** Every agent in a thread of its own repeats its step until {@code done} or the time is up. */
    private static void everyAgentAtOnce(List<String> agents, Duration limit, BooleanSupplier done, AgentStep step)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < agents.size(); i++) {
                int index = i;
                workers.add(pool.submit(() -> {
                    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                        step.run(index, agents.get(index));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The item the agent is offered within two seconds' long poll, or null (204). */
    private static JsonNode pull(String url, String agent) throws Exception {
        HttpResponse<String> response = request(url, "POST", "/api/work/next?waitSeconds=2", token(agent), "");
        if (response.statusCode() == 200) {
            return Json.mapper().readTree(response.body());
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        return null;
    }

    private static String token(String agent) {
        return keys.token(agent, Set.of("agent"), Duration.ofHours(1));
    }

    private static void send(String url, String method, String path, String token, String body, int expected)
            throws Exception {
        HttpResponse<String> response = request(url, method, path, token, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    }

    private static HttpResponse<String> request(String url, String method, String path, String token, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
