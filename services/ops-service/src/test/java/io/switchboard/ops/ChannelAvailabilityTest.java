package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ChannelMetrics;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.switchboard.contracts.LifecycleEventType.ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static io.switchboard.ops.ChannelCountsTest.channel;
import static io.switchboard.ops.ContactEvents.routed;
import static io.switchboard.ops.ContactEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Gateways hide a channel without capacity and offer the best open one instead. */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class ChannelAvailabilityTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    private KafkaCompanion kafka;
    private ContactEvents events;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        events = new ContactEvents(kafka);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    /**
     * A steady queue: one contact answered every 20 s for the last five minutes, each after 80 s in the queue, so
     * three are waiting now. The estimate for a newcomer, (3 + 1) ÷ (15 answers per 300 s) = 80 s, must match the
     * waits actually measured; 80 s is over the test profile's 60 s limit for social, which therefore closes.
     */
    @Test
    void expectedWaitMatchesMeasuredWaitsAndClosesTheChannelOverItsLimit() {
        Instant t = Instant.now();
        for (int k = 0; k < 15; k++) {
            Instant answeredAt = t.minusSeconds(20L * k);
            Instant queuedAt = answeredAt.minusSeconds(80);
            ContactRouted contact = routed(Channel.SOCIAL, queuedAt);
            events.send(contact);
            events.send(step(contact, QUEUED, queuedAt, queuedAt), step(contact, ACCEPTED, queuedAt, answeredAt));
        }
        for (int ahead = 1; ahead <= 3; ahead++) {
            Instant queuedAt = t.minusSeconds(20L * ahead);
            ContactRouted waiting = routed(Channel.SOCIAL, queuedAt);
            events.send(waiting);
            events.send(step(waiting, QUEUED, queuedAt, queuedAt));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath social = availability(Channel.SOCIAL);
            // Absent until the board has read the first answer: an assertion to retry, not an exception.
            Double measured = channel(Channel.SOCIAL, "windows.'5m'").getObject("averageWaitSeconds", Double.class);
            assertThat(measured).isNotNull().isCloseTo(80.0, within(0.001));
            // The window slides while the test runs: an answer may have dropped out (14 per 300 s: 86 s).
            assertThat(social.getDouble("expectedWaitSeconds")).isCloseTo(measured, within(0.1 * measured));
            assertThat(social.getBoolean("open")).isFalse();
            assertThat(social.getString("reason")).contains("exceeds the limit of 60 s");
            assertBestAlternative(social);
        });
    }

    @Test
    void closesWhenTheWorkServiceReportsNoAvailableAgentAndReopens() {
        Instant now = Instant.now();
        events.send(agentsAvailable(Channel.STORE, "work-service/a", now.minusSeconds(10), now, 0));
        events.send(agentsAvailable(Channel.STORE, "work-service/b", now.minusSeconds(10), now, 0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath store = availability(Channel.STORE);
            assertThat(store.getBoolean("open")).isFalse();
            assertThat(store.getLong("agentsAvailable")).isZero();
            assertThat(store.getString("reason")).contains("no available agent");
            assertBestAlternative(store);
        });

        // A later window from one instance: two agents logged in. Levels are not summed over instances.
        events.send(agentsAvailable(Channel.STORE, "work-service/a", now, now.plusSeconds(1), 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath store = availability(Channel.STORE);
            assertThat(store.getBoolean("open")).isTrue();
            assertThat(store.getLong("agentsAvailable")).isEqualTo(2);
            assertThat(store.getString("alternative")).isNull();
        });
    }

    /** The alternative is an open channel, and none open has a shorter expected wait. */
    private static void assertBestAlternative(JsonPath closed) {
        String alternative = closed.getString("alternative");
        assertThat(alternative).isNotNull().isNotEqualTo(closed.getString("channel"));
        List<Map<String, Object>> all = Tokens.asOps().get("/api/channels/availability").then().extract().jsonPath()
                .getList("");
        Map<String, Object> chosen = all.stream().filter(a -> a.get("channel").equals(alternative)).findFirst()
                .orElseThrow();
        assertThat(chosen.get("open")).isEqualTo(true);
        double chosenWait = ((Number) chosen.get("expectedWaitSeconds")).doubleValue();
        all.stream().filter(a -> Boolean.TRUE.equals(a.get("open")) && !a.get("channel").equals("STORE"))
                .forEach(a -> assertThat(((Number) a.get("expectedWaitSeconds")).doubleValue())
                        .isGreaterThanOrEqualTo(chosenWait));
    }

    private static JsonPath availability(Channel channel) {
        return Tokens.asOps().get("/api/channels/availability").then().statusCode(200).extract().jsonPath()
                .setRootPath("find { it.channel == '" + channel + "' }");
    }

    private static ChannelMetrics agentsAvailable(Channel channel, String source, Instant start, Instant end,
            long agents) {
        return new ChannelMetrics(ChannelMetrics.SCHEMA_VERSION, channel, source, start, end,
                Map.of("agents.available", agents));
    }
}
