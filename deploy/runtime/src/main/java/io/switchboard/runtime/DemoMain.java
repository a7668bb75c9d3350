package io.switchboard.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.contracts.Json;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SampleContacts;
import io.switchboard.runtime.gateway.SampleContacts.Sample;
import io.switchboard.runtime.gateway.SignedWebhook;
import io.switchboard.runtime.gateway.WebhookSecrets;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code deploy/local/demo}: a newcomer's first ten minutes on a running {@code deploy/local/run}. Registers one demo
 * agent per office with capacity on every channel, sends one signed sample contact per provider through the real
 * adapters (signed with the secrets of this environment, as the local run hands them to the adapters), waits until
 * the work-service has queued each, and prints where each landed (office, intent, the routing engine's explanation)
 * and the URLs of the dashboard and of a workspace signed in as each demo agent.
 * <p>
 * Options: {@code --url <service>=<base URL>} for a stack on other ports (the system test's). The JWT keys are the
 * local run's ({@code SWITCHBOARD_STATE_DIR}, default {@code deploy/local/.state}).
 */
public final class DemoMain {

    /** The demo agents, one per office; their ids are also their workspace sign-in. */
    private static final Map<String, String> AGENTS = Map.of("demo-front", "FRONT_OFFICE", "demo-back", "BACK_OFFICE",
            "demo-tech", "TECHNICIANS");
    /** Every skill the bundled routing rules ask for (routing-engine/src/main/resources/routing-rules.yaml). */
    private static final List<String> SKILLS = List.of("troubleshooting", "field-planning", "complaints", "specialist", "sales");
    private static final Map<String, Integer> CAPACITY = Map.of("PHONE", 1, "WHATSAPP", 3, "SOCIAL", 3, "WEBSHOP", 3, "STORE", 1);
    private static final Duration LANDING_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> urls;
    private final JwtKeys keys;
    private final String supervisor;

    private DemoMain(Map<String, String> urls, JwtKeys keys) {
        this.urls = urls;
        this.keys = keys;
        this.supervisor = keys.token("demo-supervisor", Set.of("supervisor"), Duration.ofHours(1));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> urls = new HashMap<>();
        ServiceSpec.ALL.forEach(spec -> urls.put(spec.name(), "http://127.0.0.1:" + spec.defaultPort()));
        for (int i = 0; i < args.length; i++) {
            String[] override = i + 1 < args.length && args[i].equals("--url") ? args[++i].split("=", 2) : null;
            if (override == null || override.length != 2 || !urls.containsKey(override[0])) {
                System.err.println("usage: deploy/local/demo [--url <service>=<base URL>]...  (services: " + urls.keySet() + ")");
                System.exit(2);
            }
            urls.put(override[0], override[1]);
        }
        Path root = Path.of(System.getProperty("switchboard.root", ".")).toAbsolutePath().normalize();
        Path state = Path.of(System.getenv().getOrDefault("SWITCHBOARD_STATE_DIR", root.resolve("deploy/local/.state").toString()));
        try {
            new DemoMain(urls, JwtKeys.in(state.resolve("jwt"))).run(WebhookSecrets.fromEnvironment(System.getenv()));
        } catch (ConnectException e) {
            System.err.println("Switchboard does not answer at " + urls.get("work-service")
                    + ": start it first with deploy/local/run (in another terminal).");
            System.exit(1);
        }
    }

    private void run(WebhookSecrets secrets) throws IOException, InterruptedException {
        System.out.println("Registering the demo agents (one per office, every channel, every skill) ...");
        for (Map.Entry<String, String> agent : AGENTS.entrySet()) {
            String profile = Json.mapper().writeValueAsString(Map.of("name", "Demo " + agent.getValue().toLowerCase().replace('_', ' '),
                    "office", agent.getValue(), "skills", SKILLS, "languages", List.of("nl", "en"), "regions", List.of(),
                    "capacity", CAPACITY));
            call("PUT", "/api/agents/" + agent.getKey(), profile);
        }

        String run = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        List<Sample> samples = new SampleContacts(new Gateways(urls::get, secrets), secrets).all(run);
        System.out.println("Sending one signed sample contact per provider through the adapters ...");
        for (Sample sample : samples) {
            for (SignedWebhook webhook : sample.webhooks()) {
                HttpResponse<String> answer = send(webhook);
                if (answer.statusCode() / 100 != 2) {
                    throw new IllegalStateException(sample.provider() + ": " + webhook.path() + " answered "
                            + answer.statusCode() + " " + answer.body());
                }
            }
        }

        System.out.println("\nWhere each landed (office, intent, and why):\n");
        for (Sample sample : samples) {
            JsonNode item = landing(sample.contact().contactId());
            System.out.printf("  %-8s %-31s → %-12s %-24s contact %s%n", sample.contact().channel(), sample.provider(),
                    item.path("office").asText(), item.path("intent").asText(), sample.contact().contactId());
            if (!item.path("contactId").asText().equals(sample.contact().contactId())) {
                // A customer's message on a channel where their contact is still open joins that conversation.
                System.out.println("      joined the open conversation of contact " + item.path("contactId").asText());
            }
            item.path("explanation").forEach(line -> System.out.println("      " + line.asText()));
        }

        System.out.println("\nDashboard:  " + urls.get("ops-service") + "/#token="
                + keys.token("ops-local", Set.of("ops"), TOKEN_LIFETIME));
        System.out.println("Workspaces (press A to become available; the next item comes to you):");
        for (String agent : AGENTS.keySet().stream().sorted().toList()) {
            System.out.printf("  %-11s %s/workspace/#token=%s%n", agent, urls.get("work-service"),
                    keys.token(agent, Set.of("agent"), TOKEN_LIFETIME));
        }
    }

    /** The work item that holds the contact, once the routing engine and the work-service have done their part. */
    private JsonNode landing(String contactId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(LANDING_TIMEOUT);
        String path = "/api/contacts/" + URLEncoder.encode(contactId, StandardCharsets.UTF_8) + "/position";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> position = http.send(request("GET", path, null), HttpResponse.BodyHandlers.ofString());
            if (position.statusCode() == 200) {
                return Json.mapper().readTree(call("GET", "/api/work/"
                        + Json.mapper().readTree(position.body()).path("workItemId").asText(), null));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("contact " + contactId + " did not reach the work-service within "
                + LANDING_TIMEOUT.toSeconds() + " s: see the routing engine's and the work-service's logs");
    }

    private String call(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpRequest request(String method, String path, String json) {
        return HttpRequest.newBuilder(URI.create(urls.get("work-service") + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + supervisor).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private HttpResponse<String> send(SignedWebhook webhook) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.get(webhook.service()) + webhook.path()))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", webhook.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(webhook.body()));
        webhook.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
