package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.contracts.Json;
import io.switchboard.runtime.SwitchboardStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * The ops-service's figures as operations staff read them, over its API with an {@code ops} token minted as
 * {@code deploy/local/token} does: whether it still counts what flows after a fault.
 */
final class OpsBoard {

    /** Contacts the ops-service saw routed and queued, summed over the channels since it started. */
    record Totals(long routed, long offered) {
        boolean below(Totals later) {
            return routed < later.routed && offered < later.offered;
        }
    }

    private final HttpClient client;
    private final SwitchboardStack stack;

    OpsBoard(HttpClient client, SwitchboardStack stack) {
        this.client = client;
        this.stack = stack;
    }

    Totals totals() throws IOException, InterruptedException {
        String token = stack.keys().token("fault-suite", Set.of("ops"), Duration.ofMinutes(5));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(stack.url("ops-service") + "/api/channels/metrics"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("ops-service answered " + response.statusCode() + " to /api/channels/metrics");
        }
        long routed = 0;
        long offered = 0;
        for (JsonNode channel : Json.mapper().readTree(response.body()).path("channels")) {
            routed += channel.path("totals").path("routed").asLong();
            offered += channel.path("totals").path("offered").asLong();
        }
        return new Totals(routed, offered);
    }

    /** Waits up to {@code patience} until both totals have grown beyond {@code before}. */
    boolean growsBeyond(Totals before, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (before.below(totals())) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }
}
