package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.runtime.Ports;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.switchboard.contracts.LifecycleEventType.ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.ABANDONED;
import static io.switchboard.contracts.LifecycleEventType.OFFER_ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.OFFER_SHOWN;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static io.switchboard.contracts.LifecycleEventType.SURVEY_ANSWERED;
import static io.switchboard.contracts.LifecycleEventType.SURVEY_SENT;
import static io.switchboard.ops.ContactEvents.routed;
import static io.switchboard.ops.ContactEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The board lives in memory and is rebuilt from Kafka: an ops-service started after the events (a restart, or a
 * second instance) shows the same numbers as the one that saw them arrive (feedback and revenue per channel and
 * per agent included), and does not raise again an alert
 * that is already raised. Runs the packaged application, plus a second copy of it as a child process.
 */
@QuarkusIntegrationTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class OpsRestartIT {

    private static final Path APPLICATION = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void aRestartedInstanceRebuildsTheSameNumbersAndAlertsFromKafka() throws Exception {
        Instant t = Instant.now();
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers())) {
            ContactEvents events = new ContactEvents(kafka);
            // Each call surveyed (answers 10, 9, 9, 7 and 3: NPS 40) and offered a product, which one caller took.
            String[] scores = {"10", "9", "9", "7", "3"};
            for (int i = 0; i < 5; i++) {
                ContactRouted call = events.handled(Channel.PHONE, t.minusSeconds(10L * i),
                        Duration.ofSeconds(5L + 10 * i), Duration.ofSeconds(60));
                String surveyId = "restart-survey-" + i;
                events.send(step(call, OFFER_SHOWN, call.routedAt(), t.minusSeconds(10L * i - 1), "agent-1",
                                Map.of("product", "Mesh")),
                        step(call, SURVEY_SENT, call.routedAt(), t, "agent-1", Map.of("surveyId", surveyId)),
                        step(call, SURVEY_ANSWERED, call.routedAt(), t, "agent-1",
                                Map.of("surveyId", surveyId, "score", scores[i])));
                if (i == 0) {
                    events.send(step(call, OFFER_ACCEPTED, call.routedAt(), t, "agent-1",
                            Map.of("product", "Mesh", "value", "25.50", "currency", "EUR", "source", "agent")));
                }
            }
            // Sent twice, as two routing-engine instances would.
            ContactRouted waiting = routed(Channel.WEBSHOP, t.minusSeconds(20));
            events.send(waiting, waiting);
            events.send(step(waiting, QUEUED, waiting.routedAt(), waiting.routedAt()));
            ContactRouted gone = routed(Channel.WEBSHOP, t.minusSeconds(30));
            events.send(gone);
            events.send(step(gone, QUEUED, gone.routedAt(), gone.routedAt()),
                    step(gone, ABANDONED, gone.routedAt(), t.minusSeconds(12)));
            ContactRouted answered = routed(Channel.WEBSHOP, t.minusSeconds(25));
            events.send(answered);
            events.send(step(answered, QUEUED, answered.routedAt(), answered.routedAt()),
                    step(answered, ACCEPTED, answered.routedAt(), t.minusSeconds(1)));
        }
        String first = RestAssured.baseURI + ":" + RestAssured.port;
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(channel(first, Channel.PHONE).getLong("totals.completed")).isEqualTo(5);
            assertThat(channel(first, Channel.PHONE).getDouble("totals.surveys.nps")).isEqualTo(40.0);
            assertThat(channel(first, Channel.PHONE).getDouble("totals.offers.revenue")).isEqualTo(25.5);
            assertThat(channel(first, Channel.WEBSHOP).getLong("totals.received")).isEqualTo(3);
            assertThat(active(first)).anyMatch(alert -> alert.get("kind").equals("QUEUE_AGE"));
        });
        JsonPath before = metrics(first);
        JsonPath agentsBefore = agents(first);
        String raisedId = queueAgeAlertId(first);

        for (int start = 0; start < 2; start++) {
            int port = Ports.free();
            String second = "http://localhost:" + port;
            Process instance = start(port);
            try {
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
                    JsonPath after = metrics(second);
                    for (Channel channel : new Channel[] {Channel.PHONE, Channel.WEBSHOP}) {
                        String path = "channels.find { it.channel == '" + channel + "' }.totals";
                        assertThat(after.getMap(path)).as(channel.name()).isEqualTo(before.getMap(path));
                    }
                    assertThat(channel(second, Channel.WEBSHOP).getLong("waiting")).isEqualTo(1);
                    assertThat(agents(second).getMap("groups.find { it.key == 'agent-1' }.totals"))
                            .isEqualTo(agentsBefore.getMap("groups.find { it.key == 'agent-1' }.totals"));
                });
                // Past its alert start delay and several evaluations, it shows the alert the first raised.
                Thread.sleep(8000);
                assertThat(queueAgeAlertId(second)).isEqualTo(raisedId);
            } finally {
                instance.destroy();
                assertThat(instance.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        }
        // Still the one alert: the started instances recognised it on the topic instead of raising their own.
        assertThat(active(first)).filteredOn(alert -> alert.get("kind").equals("QUEUE_AGE")).hasSize(1);
        assertThat(queueAgeAlertId(first)).isEqualTo(raisedId);
    }

    private Process start(int port) throws IOException {
        return new ProcessBuilder("java", "-Xmx256m", "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + infrastructure.bootstrapServers(), "-jar", APPLICATION.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "ops-service-second-instance.log").toFile())
                .start();
    }

    private static String queueAgeAlertId(String base) {
        return active(base).stream().filter(alert -> alert.get("kind").equals("QUEUE_AGE")
                        && alert.get("key").equals("WEBSHOP"))
                .map(alert -> (String) alert.get("alertId")).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> active(String base) {
        return Tokens.asOps().get(base + "/api/alerts").then().statusCode(200).extract().jsonPath().getList("active");
    }

    private static JsonPath metrics(String base) {
        return Tokens.asOps().get(base + "/api/channels/metrics").then().statusCode(200).extract().jsonPath();
    }

    /** Feedback, revenue and handling per agent: only in the API, rebuilt like the rest. */
    private static JsonPath agents(String base) {
        return Tokens.asOps().get(base + "/api/feedback?by=agent").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath channel(String base, Channel channel) {
        return metrics(base).setRootPath("channels.find { it.channel == '" + channel + "' }");
    }
}
