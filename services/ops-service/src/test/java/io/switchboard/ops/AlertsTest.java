package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Alert;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ChannelMetrics;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.UnmappedDelivery;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.switchboard.contracts.LifecycleEventType.ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static io.switchboard.ops.ContactEvents.routed;
import static io.switchboard.ops.ContactEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts raise once, clear, and travel on the {@code alerts} topic keyed by what they are about. Test profile:
 * webshop target 10 s and queue-age limit 3 s; surge window 1 min against a 10-minute baseline, at least 4 and 3×
 * the baseline.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class AlertsTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    private KafkaCompanion kafka;
    private ContactEvents events;
    private ConsumerTask<String, String> alertTopic;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        events = new ContactEvents(kafka);
        alertTopic = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.ALERTS);
    }

    @AfterEach
    void close() {
        alertTopic.close();
        kafka.close();
    }

    @Test
    void queueAgeAndServiceLevelAlertsRaiseOnceAndClear() {
        Instant t = Instant.now();
        ContactRouted old = routed(Channel.WEBSHOP, t.minusSeconds(10));
        events.send(old);
        events.send(step(old, QUEUED, t.minusSeconds(10), t.minusSeconds(10)));

        Alert queueAge = awaitActive(Alert.Kind.QUEUE_AGE, "WEBSHOP");
        assertThat(queueAge.channel()).isEqualTo(Channel.WEBSHOP);
        assertThat(queueAge.threshold()).isEqualTo(3.0);
        assertThat(queueAge.observed()).isGreaterThan(3.0);

        // Two answered after 30 s: 0 of 2 within the 10 s target.
        for (int i = 0; i < 2; i++) {
            ContactRouted late = routed(Channel.WEBSHOP, t.minusSeconds(40));
            events.send(late);
            events.send(step(late, QUEUED, t.minusSeconds(40), t.minusSeconds(40)),
                    step(late, ACCEPTED, t.minusSeconds(40), t.minusSeconds(10)));
        }
        Alert breach = awaitActive(Alert.Kind.SERVICE_LEVEL_BREACH, "WEBSHOP");
        assertThat(breach.observed()).isEqualTo(0.0);
        assertThat(breach.threshold()).isEqualTo(0.8);

        // Twelve answered within a second: 12 of 14.
        IntStream.range(0, 12).forEach(i -> {
            ContactRouted quick = routed(Channel.WEBSHOP, t.minusSeconds(5));
            events.send(quick);
            events.send(step(quick, QUEUED, t.minusSeconds(5), t.minusSeconds(5)),
                    step(quick, ACCEPTED, t.minusSeconds(5), t.minusSeconds(4)));
        });
        awaitCleared(breach);
        // Evaluated every second all along, the queue-age condition was raised once.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onTopic(Alert.Kind.QUEUE_AGE, "WEBSHOP"))
                .extracting(Alert::state).containsExactly(Alert.State.RAISED));

        // The old one answered at last (late: 12 of 15 is still the 80 % goal): nobody waits any more.
        events.send(step(old, ACCEPTED, t.minusSeconds(10), Instant.now()));
        awaitCleared(queueAge);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(onTopic(Alert.Kind.QUEUE_AGE, "WEBSHOP")).extracting(Alert::state)
                    .containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
            assertThat(onTopic(Alert.Kind.SERVICE_LEVEL_BREACH, "WEBSHOP")).extracting(Alert::state)
                    .containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
        });
    }

    @Test
    void complaintSurgeOnOneTopicAcrossChannelsAboveItsBaseline() {
        Instant t = Instant.now();
        // Billing: 30 complaints over the 10 baseline minutes (3 per minute) and 5 now: busy, but normal.
        IntStream.range(0, 30).forEach(i -> events.send(complaint(Channel.WEBSHOP, "My invoice is wrong",
                t.minusSeconds(70 + 18L * i))));
        IntStream.range(0, 5).forEach(i -> events.send(complaint(Channel.SOCIAL, "Charged twice on my invoice",
                t.minusSeconds(5))));
        // Delivery: nothing before, now 4 on two channels. Sent 50 s ago, so they leave the 1-minute window soon.
        events.send(complaint(Channel.SOCIAL, "My parcel has not arrived", t.minusSeconds(50)),
                complaint(Channel.WEBSHOP, "Where is my parcel?", t.minusSeconds(50)),
                complaint(Channel.WEBSHOP, "Delivery is a week late", t.minusSeconds(50)),
                complaint(Channel.SOCIAL, "parcel lost again", t.minusSeconds(50)));

        Alert surge = awaitActive(Alert.Kind.COMPLAINT_SURGE, "delivery");
        assertThat(surge.channel()).isNull();
        assertThat(surge.observed()).isEqualTo(4.0);
        assertThat(surge.message()).contains("SOCIAL").contains("WEBSHOP");
        assertThat(active()).noneMatch(alert -> alert.key().equals("billing"));

        awaitCleared(surge);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(onTopic(Alert.Kind.COMPLAINT_SURGE, "delivery")).extracting(Alert::state)
                        .containsExactly(Alert.State.RAISED, Alert.State.CLEARED));
        assertThat(onTopic(Alert.Kind.COMPLAINT_SURGE, "billing")).isEmpty();
    }

    private static ContactRouted complaint(Channel channel, String text, Instant at) {
        return routed(channel, "email:klant" + Math.abs(text.hashCode() + at.hashCode()) + "@example.com",
                Intent.COMPLAINT, text, at);
    }

    @Test
    void signedDeliveriesThatCouldNotBeMappedRaiseAnAlertPerChannelUntilTheWindowPasses() {
        Instant now = Instant.now();
        kafka.produceStrings().fromRecords(List.of(new ProducerRecord<>(Topics.CONTACTS_UNMAPPED, "d-1",
                json(new UnmappedDelivery(UnmappedDelivery.SCHEMA_VERSION, "alert-" + UUID.randomUUID(),
                        Channel.PHONE, "twilio", "/webhooks/twilio/voice", now, "unreadable-body", "no CallSid",
                        Map.of(), "From=%2B31", null))))).awaitCompletion();

        Alert raised = awaitActive(Alert.Kind.UNMAPPED_DELIVERY, "PHONE");
        assertThat(raised.channel()).isEqualTo(Channel.PHONE);
        assertThat(raised.message()).contains("1 signed PHONE deliveries").contains("contacts.unmapped");
        // Test profile: the window is 20 s.
        awaitCleared(raised);
    }

    @Test
    void contactsNoAgentOnDutyCouldTakeRaiseAnAlertUntilTheWorkServiceReportsNoneAnyMore() {
        Instant now = Instant.now();
        // A level, not a count: two windows of one source report the same 3 stranded contacts.
        events.send(stranded("work-service/a", now.minusSeconds(20), now.minusSeconds(10), 3));
        events.send(stranded("work-service/a", now.minusSeconds(10), now, 3));

        Alert raised = awaitActive(Alert.Kind.ITEMS_STRANDED, "SOCIAL");
        assertThat(raised.message()).contains("3 SOCIAL contacts wait with no eligible agent on duty");
        assertThat(Tokens.asOps().get("/api/channels/metrics").then().statusCode(200).extract().jsonPath()
                .getLong("channels.find { it.channel == 'SOCIAL' }.itemsStranded")).isEqualTo(3);

        events.send(stranded("work-service/a", now, now.plusSeconds(10), 0));
        awaitCleared(raised);
    }

    private static ChannelMetrics stranded(String source, Instant start, Instant end, long items) {
        return new ChannelMetrics(ChannelMetrics.SCHEMA_VERSION, Channel.SOCIAL, source, start, end,
                Map.of("items.stranded", items));
    }

    private Alert awaitActive(Alert.Kind kind, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> active().stream()
                .filter(alert -> alert.kind() == kind && alert.key().equals(key)).findFirst().orElse(null),
                alert -> alert != null);
    }

    private void awaitCleared(Alert raised) {
        await().atMost(Duration.ofSeconds(40)).until(() -> alerts().cleared().stream()
                .anyMatch(alert -> alert.alertId().equals(raised.alertId())
                        && alert.state() == Alert.State.CLEARED && alert.clearedAt() != null));
        assertThat(active()).noneMatch(alert -> alert.alertId().equals(raised.alertId()));
    }

    private List<Alert> onTopic(Alert.Kind kind, String key) {
        return alertTopic.getRecords().stream()
                .filter(record -> key.equals(record.key()))
                .map(ConsumerRecord::value)
                .map(AlertsTest::parse)
                .filter(alert -> alert.kind() == kind)
                .toList();
    }

    private static List<Alert> active() {
        return alerts().active();
    }

    static Alerts alerts() {
        return Tokens.asOps().get("/api/alerts").then().statusCode(200).extract().as(Alerts.class);
    }

    record Alerts(List<Alert> active, List<Alert> cleared) {
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Alert parse(String json) {
        try {
            return Json.mapper().readValue(json, Alert.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
