package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.ServiceSpec;
import io.switchboard.runtime.gateway.SignedWebhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Malformed, truncated, oversized, unsigned and wrongly signed deliveries to every webhook endpoint, judged by the
 * rule "signed means kept" (docs/security.md): a delivery without a valid signature gets 401 and leaves no trace,
 * an oversized one 413; a correctly signed delivery gets 2xx whatever its body, and is kept — as a raw record on
 * {@code contacts.unmapped} or as a counted non-contact, never as a contact (a Twilio form that still names its
 * call is that call). Every endpoint the adapters' OpenAPI documents lists must be covered.
 */
final class WebhookFuzzer {

    /**
     * @param endpoints  the endpoints fuzzed
     * @param unmapped   records the fuzzing left on contacts.unmapped
     * @param contacts   records it left on contacts.inbound (the valid samples, and forms that still name a call)
     * @param unexpected every answer or effect the rule does not allow, and every endpoint left out
     */
    record Outcome(int cases, Set<String> endpoints, Map<Integer, Integer> statuses, long unmapped, long contacts,
            List<String> unexpected) {
        boolean clean() {
            return unexpected.isEmpty();
        }

        @Override
        public String toString() {
            return "%d deliveries to %d endpoints, answers %s; %d kept on contacts.unmapped, %d contacts%s".formatted(cases,
                    endpoints.size(), statuses, unmapped, contacts, unexpected.isEmpty() ? ""
                            : "; unexpected: " + String.join("; ", unexpected));
        }
    }

    private enum Expect { KEPT, UNAUTHORIZED, TOO_LARGE }

    private record Mutation(String name, Expect expect, Function<SignedWebhook, SignedWebhook> delivery) {
    }

    private static final String IGNORED_METER = "switchboard_adapter_notifications_ignored_total";

    private final HttpClient client;
    private final LoadDriver driver;
    private final EndpointSamples samples;
    private final Function<String, String> serviceUrl;
    private final TopicReader topics;
    private final Random random;

    WebhookFuzzer(HttpClient client, LoadDriver driver, EndpointSamples samples, Function<String, String> serviceUrl,
            TopicReader topics, long seed) {
        this.client = client;
        this.driver = driver;
        this.samples = samples;
        this.serviceUrl = serviceUrl;
        this.topics = topics;
        this.random = new Random(seed);
    }

    Outcome run() throws IOException, InterruptedException {
        long unmappedBefore = topics.size(Topics.CONTACTS_UNMAPPED);
        long inboundBefore = topics.size(Topics.CONTACTS_INBOUND);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        Set<String> endpoints = new TreeSet<>();
        int cases = 0;
        for (SignedWebhook valid : samples.all("fuzz" + random.nextInt(1_000_000))) {
            endpoints.add(EndpointSamples.endpoint(valid));
            for (Mutation mutation : mutations()) {
                SignedWebhook delivery = mutation.delivery().apply(valid);
                String problem = judge(delivery, mutation, statuses);
                cases++;
                if (problem != null) {
                    unexpected.add(EndpointSamples.endpoint(valid) + " " + mutation.name() + ": " + problem);
                }
            }
        }
        Set<String> documented = documentedEndpoints();
        documented.removeAll(endpoints);
        documented.forEach(endpoint -> unexpected.add(endpoint + ": not fuzzed"));
        return new Outcome(cases, endpoints, statuses, topics.size(Topics.CONTACTS_UNMAPPED) - unmappedBefore,
                topics.size(Topics.CONTACTS_INBOUND) - inboundBefore, unexpected);
    }

    /** Sends one delivery and says what is wrong with its answer and effects, or null. */
    private String judge(SignedWebhook delivery, Mutation mutation, Map<Integer, Integer> statuses)
            throws IOException, InterruptedException {
        long unmapped = topics.size(Topics.CONTACTS_UNMAPPED);
        long inbound = topics.size(Topics.CONTACTS_INBOUND);
        long ignored = ignored(delivery.service());
        int status = driver.send(delivery);
        statuses.merge(status, 1, Integer::sum);
        long newUnmapped = topics.size(Topics.CONTACTS_UNMAPPED) - unmapped;
        long newContacts = topics.size(Topics.CONTACTS_INBOUND) - inbound;
        boolean counted = ignored(delivery.service()) > ignored;
        String effects = "%d unmapped, %d contacts%s".formatted(newUnmapped, newContacts, counted ? ", counted" : "");
        return switch (mutation.expect()) {
            case UNAUTHORIZED -> status == 401 && newUnmapped + newContacts == 0 ? null
                    : status + ", " + effects + " (expected 401, nothing kept)";
            case TOO_LARGE -> status == 413 && newUnmapped + newContacts == 0 ? null
                    : status + ", " + effects + " (expected 413, nothing kept)";
            case KEPT -> status / 100 != 2 ? status + ", " + effects + " (expected 2xx)"
                    : mutation.name().equals("as sent") || namesCall(delivery)
                    || newContacts == 0 && (newUnmapped > 0 || counted) ? null
                    : status + ", " + effects + " (expected on contacts.unmapped or counted, no contact)";
        };
    }

    /**
     * A Twilio form that still carries a {@code CallSid} is that call, signed by Twilio: a greeting, a status or the
     * caller's words, whatever else the mutation took away.
     */
    private static boolean namesCall(SignedWebhook delivery) {
        return delivery.contentType().startsWith("application/x-www-form-urlencoded")
                && delivery.body().matches("(?s)(.*&)?CallSid=[^&]+.*");
    }

    private List<Mutation> mutations() {
        return List.of(
                new Mutation("as sent", Expect.KEPT, UnaryOperator.identity()),
                new Mutation("forged signature", Expect.UNAUTHORIZED, this::forged),
                new Mutation("unsigned", Expect.UNAUTHORIZED, valid -> EndpointSamples.withHeader(valid,
                        EndpointSamples.signatureHeader(valid), null, valid.body())),
                resigned("truncated", Expect.KEPT, body -> body.substring(0, body.length() / 2)),
                resigned("not JSON", Expect.KEPT, body -> "<xml>" + body + "</xml>"),
                resigned("empty", Expect.KEPT, body -> ""),
                resigned("random bytes", Expect.KEPT, body -> randomText(300)),
                resigned("wrong types", Expect.KEPT, body -> body.replaceAll("\"[a-zA-Z_]+\":\"[^\"]*\"", "\"x\":[1,{}]")
                        .replaceFirst("^\\{", "[").replaceFirst("}$", "]")),
                resigned("oversized", Expect.TOO_LARGE, body -> body + " ".repeat(2 * 1024 * 1024)));
    }

    private Mutation resigned(String name, Expect expect, UnaryOperator<String> body) {
        return new Mutation(name, expect, valid -> samples.resigned(valid, body.apply(valid.body())));
    }

    private SignedWebhook forged(SignedWebhook valid) {
        String header = EndpointSamples.signatureHeader(valid);
        String value = valid.headers().get(header);
        char last = value.charAt(value.length() - 2);
        return EndpointSamples.withHeader(valid, header, value.substring(0, value.length() - 2) + (last == 'a' ? 'b' : 'a')
                + value.charAt(value.length() - 1), valid.body());
    }

    /**
     * Random characters, without {@code %}: Twilio signs a form's decoded parameters, so a form with a broken escape
     * is nothing Twilio could have signed (and nothing it sends).
     */
    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char next = (char) (1 + random.nextInt(0x2FF));
            text.append(next == '%' ? '*' : next);
        }
        return text.toString();
    }

    /** Notifications the adapter {@code service} accepted and counted as no contact (docs/channels.md). */
    private long ignored(String service) throws IOException, InterruptedException {
        String metrics = get(serviceUrl.apply(service) + "/q/metrics");
        return metrics.lines().filter(line -> line.startsWith(IGNORED_METER))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The POST endpoints under /webhooks that the adapters' OpenAPI documents name. */
    private Set<String> documentedEndpoints() throws IOException, InterruptedException {
        Set<String> endpoints = new TreeSet<>();
        for (ServiceSpec adapter : ServiceSpec.ALL) {
            if (adapter.module().startsWith("channel-adapters/")) {
                JsonNode paths = Json.mapper().readTree(get(serviceUrl.apply(adapter.name()) + "/q/openapi?format=json"))
                        .path("paths");
                for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
                    String path = names.next();
                    if (path.startsWith("/webhooks") && paths.path(path).has("post")) {
                        endpoints.add(path);
                    }
                }
            }
        }
        return endpoints;
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
