package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ChannelMetrics;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.switchboard.contracts.LifecycleEventType.ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.COMPLETED;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static io.switchboard.ops.ContactEvents.routed;
import static io.switchboard.ops.ContactEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The foundation slice: events on the real topics are counted per channel, once each. */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class ChannelCountsTest {

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

    @Test
    void countsEveryContactOnceWhateverTheRedeliveries() {
        Instant now = Instant.now();
        ContactRouted waiting = routed(Channel.WHATSAPP, now.minusSeconds(40));
        ContactRouted inProgress = routed(Channel.WHATSAPP, now.minusSeconds(30));
        ContactRouted completed = routed(Channel.WHATSAPP, now.minusSeconds(20));
        // The routed contacts twice, as two routing-engine instances would after a rebalance.
        events.send(waiting, inProgress, completed, waiting, inProgress, completed);
        LifecycleEvent accepted = step(inProgress, ACCEPTED, inProgress.routedAt(), now.minusSeconds(10));
        events.send(step(waiting, QUEUED, waiting.routedAt(), waiting.routedAt()),
                step(inProgress, QUEUED, inProgress.routedAt(), inProgress.routedAt()),
                accepted, accepted,
                step(completed, QUEUED, completed.routedAt(), completed.routedAt()),
                step(completed, ACCEPTED, completed.routedAt(), now.minusSeconds(15)),
                step(completed, COMPLETED, completed.routedAt(), now.minusSeconds(5), "agent-1",
                        Map.of("firstContactResolution", "true")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath whatsapp = channel(Channel.WHATSAPP);
            assertThat(whatsapp.getLong("totals.received")).isEqualTo(3);
            assertThat(whatsapp.getLong("totals.routed")).isEqualTo(3);
            assertThat(whatsapp.getLong("waiting")).isEqualTo(1);
            assertThat(whatsapp.getLong("inProgress")).isEqualTo(1);
            assertThat(whatsapp.getLong("totals.completed")).isEqualTo(1);
            assertThat(whatsapp.getLong("totals.answered")).isEqualTo(2);
            assertThat(whatsapp.getLong("windows.'1m'.completed")).isEqualTo(1);
        });
    }

    @Test
    void metersCarryTheChannelTag() {
        events.handled(Channel.STORE, Instant.now().minusSeconds(5), Duration.ofSeconds(12), Duration.ofSeconds(3));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("switchboard_ops_contacts_received_total{channel=\"STORE\"}"))
                .body(containsString("switchboard_ops_contacts_completed_total{channel=\"STORE\"}"))
                .body(containsString("switchboard_ops_contacts_waiting{channel=\"STORE\"}")));
    }

    @Test
    void channelMetricsFromSeveralInstancesAddUpOnce() {
        Instant start = Instant.now().minusSeconds(10);
        ChannelMetrics first = new ChannelMetrics(ChannelMetrics.SCHEMA_VERSION, Channel.SOCIAL, "routing-engine/a",
                start, start.plusSeconds(5), Map.of("routed.FRONT_OFFICE", 3L));
        ChannelMetrics second = new ChannelMetrics(ChannelMetrics.SCHEMA_VERSION, Channel.SOCIAL, "routing-engine/b",
                start, start.plusSeconds(5), Map.of("routed.FRONT_OFFICE", 4L));
        events.send(first);
        events.send(second);
        events.send(first);

        // Absent until the board has read the first window: an assertion to retry, not an exception.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                channel(Channel.SOCIAL).getObject("reported.'routed.FRONT_OFFICE'", Long.class)).isEqualTo(7L));
    }

    static JsonPath channel(Channel channel) {
        return channel(channel, null);
    }

    /** The channel's part of {@code GET /api/channels/metrics}, or a part of that such as {@code totals}. */
    static JsonPath channel(Channel channel, String part) {
        return Tokens.asOps().get("/api/channels/metrics").then().statusCode(200).extract().jsonPath()
                .setRootPath("channels.find { it.channel == '" + channel + "' }" + (part == null ? "" : "." + part));
    }
}
