package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Alert;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.switchboard.contracts.LifecycleEventType.REPLY_DELIVERED;
import static io.switchboard.contracts.LifecycleEventType.REPLY_FAILED;
import static io.switchboard.contracts.LifecycleEventType.REPLY_READ;
import static io.switchboard.contracts.LifecycleEventType.REPLY_REQUESTED;
import static io.switchboard.contracts.LifecycleEventType.REPLY_SENT;
import static io.switchboard.contracts.LifecycleEventType.REPLY_UNCONFIRMED;
import static io.switchboard.ops.ContactEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What became of the agents' replies, from the {@code REPLY_*} steps the work-service publishes on the real
 * contacts.lifecycle topic: counted per channel and state once each (GET API, Prometheus), and a channel whose
 * replies fail raises {@code REPLY_DELIVERY_FAILING} on the alerts topic until enough of them go out again. Each test
 * has a channel of its own, as the board is shared by every test of the run. Defaults: more than 20 % failed of at
 * least 5 sent or failed in 15 minutes.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class ReplyOutcomesTest {

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
    void repliesAreCountedPerChannelAndStateOnceEach() {
        Instant t = Instant.now().minusSeconds(60);
        // Only the reply steps: the contacts themselves would change the figures other tests of the run assert.
        ContactRouted contact = routed(Channel.SOCIAL, t);
        LifecycleEvent sent = reply(contact, REPLY_SENT, "r-1", t.plusSeconds(21));
        events.send(reply(contact, REPLY_REQUESTED, "r-1", t.plusSeconds(20)), sent, sent,
                reply(contact, REPLY_DELIVERED, "r-1", t.plusSeconds(22)),
                reply(contact, REPLY_READ, "r-1", t.plusSeconds(30)),
                reply(contact, REPLY_REQUESTED, "r-2", t.plusSeconds(40)),
                reply(contact, REPLY_FAILED, "r-2", t.plusSeconds(41)),
                reply(contact, REPLY_REQUESTED, "r-3", t.plusSeconds(50)),
                reply(contact, REPLY_UNCONFIRMED, "r-3", t.plusSeconds(51)));
        ContactRouted another = routed(Channel.SOCIAL, t);
        events.send(reply(another, REPLY_REQUESTED, "r-4", t.plusSeconds(55)));
        // Putting a customer through to the agent is not a reply, nor is the survey put to the customer afterwards.
        events.send(outbound(another, "CONNECT", REPLY_REQUESTED, t.plusSeconds(56)),
                outbound(another, "CONNECT", REPLY_FAILED, t.plusSeconds(57)),
                outbound(another, "SURVEY", REPLY_SENT, t.plusSeconds(58)),
                outbound(another, "SURVEY", REPLY_FAILED, t.plusSeconds(59)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath social = ChannelCountsTest.channel(Channel.SOCIAL);
            for (String period : List.of("totals", "windows.'15m'")) {
                assertThat(social.getMap(period + ".replies")).as(period).containsAllEntriesOf(Map.of(
                        "requested", 4, "sent", 1, "delivered", 1, "read", 1, "failed", 1, "unconfirmed", 1));
                assertThat(social.getDouble(period + ".replies.failureRate")).isEqualTo(0.5);
            }
        });
        // Prometheus reads the board's snapshot of the last second.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RestAssured.given()
                .accept("text/plain; version=0.0.4; charset=utf-8").get("/q/metrics").then().statusCode(200).extract()
                .asString()).contains("switchboard_ops_replies_total{channel=\"SOCIAL\",state=\"requested\",} 4.0",
                "switchboard_ops_replies_total{channel=\"SOCIAL\",state=\"failed\",} 1.0",
                "switchboard_ops_reply_failure_rate_ratio{channel=\"SOCIAL\",window=\"15m\",} 0.5"));
        // One failure of two is a bad share, but too few to say anything about the channel.
        assertThat(alerts()).noneMatch(alert -> alert.kind() == Alert.Kind.REPLY_DELIVERY_FAILING
                && alert.key().equals("SOCIAL"));
    }

    @Test
    void aChannelWhoseRepliesFailRaisesAnAlertUntilEnoughGoOutAgain() {
        Instant t = Instant.now().minusSeconds(30);
        ContactRouted contact = routed(Channel.STORE, t);
        // The board may judge the channel between any two of these events (they can arrive in two polls): the first
        // five are at the limit (1 of 5), so only the sixth raises the alert, whenever the board looks.
        List<LifecycleEvent> outcomes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            outcomes.add(reply(contact, i < 4 ? REPLY_SENT : REPLY_FAILED, "store-" + i, t.plusSeconds(i)));
        }
        events.send(outcomes.toArray(LifecycleEvent[]::new));

        try (ConsumerTask<String, String> alertTopic = kafka.consumeStrings()
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.ALERTS)) {
            Alert raised = await().atMost(Duration.ofSeconds(30)).until(() -> alerts().stream()
                    .filter(alert -> alert.kind() == Alert.Kind.REPLY_DELIVERY_FAILING && alert.key().equals("STORE"))
                    .findFirst().orElse(null), alert -> alert != null);
            assertThat(raised.channel()).isEqualTo(Channel.STORE);
            assertThat(raised.observed()).isCloseTo(2 / 6.0, within(1e-9));
            assertThat(raised.threshold()).isEqualTo(0.2);
            assertThat(raised.message()).contains("2 of 6 STORE replies failed");

            // 4 more sent: 2 of 10 is the limit itself, no longer above it.
            List<LifecycleEvent> recovered = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                recovered.add(reply(contact, REPLY_SENT, "store-ok-" + i, Instant.now()));
            }
            events.send(recovered.toArray(LifecycleEvent[]::new));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alertTopic.getRecords())
                    .filteredOn(record -> "STORE".equals(record.key()))
                    .extracting(record -> AlertsTest.parse(record.value()))
                    .filteredOn(alert -> alert.kind() == Alert.Kind.REPLY_DELIVERY_FAILING)
                    .extracting(Alert::alertId, Alert::state)
                    .containsExactly(tuple(raised.alertId(), Alert.State.RAISED),
                            tuple(raised.alertId(), Alert.State.CLEARED)));
        }
    }

    /** A step of one reply as the work-service writes it: details replyId, kind (and the provider's error). */
    private static LifecycleEvent reply(ContactRouted contact, LifecycleEventType type, String replyId, Instant at) {
        Map<String, String> details = type == REPLY_FAILED
                ? Map.of("replyId", replyId, "kind", "REPLY", "error",
                        "400 (#10) This message is sent outside of allowed window")
                : Map.of("replyId", replyId, "kind", "REPLY");
        return replyStep(contact, type, at, details);
    }

    /** A step of an outbound message that is no agent's reply: a {@code CONNECT} or a {@code SURVEY}. */
    private static LifecycleEvent outbound(ContactRouted contact, String kind, LifecycleEventType type, Instant at) {
        return replyStep(contact, type, at, Map.of("replyId", kind + "-" + contact.contactId(), "kind", kind));
    }

    private static LifecycleEvent replyStep(ContactRouted contact, LifecycleEventType type, Instant at,
            Map<String, String> details) {
        return ContactEvents.step(contact, type, contact.routedAt(), at, "agent-1", details);
    }

    private static List<Alert> alerts() {
        return AlertsTest.alerts().active();
    }
}
