package io.switchboard.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Json;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class MetricsStreamTest {

    @TestHTTPResource("/api/channels/metrics/stream")
    URI stream;

    @Test
    void pushesTheWholePictureAtLeastOnceASecond() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Tokens.ops())
                .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));

        List<JsonNode> snapshots = new ArrayList<>();
        Instant start = Instant.now();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while (snapshots.size() < 4 && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    snapshots.add(Json.mapper().readTree(line.substring(5)));
                }
            }
        }
        Duration took = Duration.between(start, Instant.now());

        // The first at once, then one a second: four within about three seconds.
        assertThat(took).isLessThan(Duration.ofMillis(4500));
        JsonNode last = snapshots.get(3);
        assertThat(last.get("channels")).hasSize(5);
        assertThat(last.get("offices")).hasSize(3);
        assertThat(last.get("availability")).hasSize(5);
        assertThat(last.has("alerts")).isTrue();
        assertThat(last.at("/unmapped/total").isNumber()).isTrue();
        assertThat(last.at("/channels/0/windows/1m/received").isNumber()).isTrue();
        assertThat(Instant.parse(last.get("at").asText())).isAfter(Instant.parse(snapshots.get(0).get("at").asText()));
    }
}
