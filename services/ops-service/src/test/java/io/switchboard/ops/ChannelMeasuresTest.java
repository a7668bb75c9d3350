package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.Office;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.switchboard.contracts.LifecycleEventType.ABANDONED;
import static io.switchboard.contracts.LifecycleEventType.ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.COMPLETED;
import static io.switchboard.contracts.LifecycleEventType.ESCALATED;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static io.switchboard.ops.ChannelCountsTest.channel;
import static io.switchboard.ops.ContactEvents.routed;
import static io.switchboard.ops.ContactEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The measures of docs/architecture.md §1 for one channel, from a day in the life of the phone queue (target: 80 %
 * in 20 s,
 * 0.90 per handling minute, one call at a time) sent as real events, against the values worked out by hand below.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class ChannelMeasuresTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void waitsServiceLevelHandlingResolutionEscalationAndCostPerChannel() {
        Instant t = Instant.now();
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers())) {
            ContactEvents events = new ContactEvents(kafka);
            // A: waits 10 s (in target), handled 60 s, resolved by the agent... but the customer calls again (H).
            ContactRouted a = contact("phone:+31600000001", Intent.INFORMATION, t.minusSeconds(181));
            // B: waits 30 s (late), handled 120 s.
            ContactRouted b = contact("phone:+31600000002", Intent.ORDER, t.minusSeconds(171));
            // C: waits 5 s, escalated after 25 s to the back office, handled there 60 s.
            ContactRouted c = contact("phone:+31600000003", Intent.COMPLEX_INQUIRY, t.minusSeconds(161));
            // D: hangs up after 3 s (short abandon); E: hangs up after 30 s (abandoned after the target).
            ContactRouted d = contact("phone:+31600000004", Intent.INFORMATION, t.minusSeconds(151));
            ContactRouted e = contact("phone:+31600000005", Intent.INFORMATION, t.minusSeconds(151));
            // F: waiting for a minute; G: waited 10 s, in progress.
            ContactRouted f = contact("phone:+31600000006", Intent.SALES, t.minusSeconds(61));
            ContactRouted g = contact("phone:+31600000007", Intent.SALES, t.minusSeconds(101));
            // H: A's customer about the same subject, 80 s after A was completed: A was not resolved after all.
            ContactRouted h = contact("phone:+31600000001", Intent.INFORMATION, t.minusSeconds(30));
            events.send(a, b, c, d, e, f, g, h);
            events.send(
                    step(a, QUEUED, at(t, 180), at(t, 180)),
                    step(a, ACCEPTED, at(t, 180), at(t, 170)),
                    step(a, COMPLETED, at(t, 180), at(t, 110), "agent-1", Map.of("firstContactResolution", "true")),
                    step(b, QUEUED, at(t, 170), at(t, 170)),
                    step(b, ACCEPTED, at(t, 170), at(t, 140)),
                    step(b, COMPLETED, at(t, 170), at(t, 20), "agent-1", Map.of("firstContactResolution", "true")),
                    step(c, QUEUED, at(t, 160), at(t, 160)),
                    step(c, ACCEPTED, at(t, 160), at(t, 155)),
                    step(c, ESCALATED, at(t, 160), at(t, 130), "agent-1", Map.of("toOffice", "BACK_OFFICE")),
                    inOffice(step(c, ACCEPTED, at(t, 160), at(t, 100), "agent-9", Map.of()), Office.BACK_OFFICE),
                    inOffice(step(c, COMPLETED, at(t, 160), at(t, 40), "agent-9",
                            Map.of("firstContactResolution", "false")), Office.BACK_OFFICE),
                    step(d, QUEUED, at(t, 150), at(t, 150)),
                    step(d, ABANDONED, at(t, 150), at(t, 147)),
                    step(e, QUEUED, at(t, 150), at(t, 150)),
                    step(e, ABANDONED, at(t, 150), at(t, 120)),
                    step(f, QUEUED, at(t, 60), at(t, 60)),
                    step(g, QUEUED, at(t, 100), at(t, 100)),
                    step(g, ACCEPTED, at(t, 100), at(t, 90)),
                    step(h, QUEUED, at(t, 30), at(t, 30)));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath phone = channel(Channel.PHONE);
            assertThat(phone.getLong("waiting")).isEqualTo(2);
            assertThat(phone.getLong("inProgress")).isEqualTo(1);
            assertThat(phone.getDouble("oldestWaitSeconds")).isBetween(60.0, 90.0);
            for (String period : new String[] {"totals", "windows.'5m'"}) {
                JsonPath figures = channel(Channel.PHONE, period);
                assertThat(figures.getLong("received")).as(period).isEqualTo(8);
                assertThat(figures.getLong("routed")).isEqualTo(8);
                assertThat(figures.getLong("offered")).isEqualTo(8);
                assertThat(figures.getLong("answered")).isEqualTo(4);
                assertThat(figures.getLong("completed")).isEqualTo(3);
                assertThat(figures.getLong("abandoned")).isEqualTo(2);
                assertThat(figures.getLong("shortAbandons")).isEqualTo(1);
                assertThat(figures.getLong("escalated")).isEqualTo(1);
                // Waits 10, 30, 5, 10 s.
                assertThat(figures.getDouble("averageWaitSeconds")).isCloseTo(13.75, within(0.001));
                assertThat(figures.getDouble("p90WaitSeconds")).isCloseTo(30.0, within(0.011));
                // A, C and G within 20 s, of 4 answered + E abandoned after the target; D's short abandon is out.
                assertThat(figures.getLong("serviceLevelContacts")).isEqualTo(5);
                assertThat(figures.getDouble("serviceLevel")).isCloseTo(0.6, within(0.0001));
                // AHT: A 60 s, B 120 s, C 60 s (its back-office part: accepted → completed).
                assertThat(figures.getDouble("averageHandlingSeconds")).isCloseTo(80.0, within(0.001));
                // Only B: A has a repeat contact, C was escalated. The agents flagged A and B.
                assertThat(figures.getDouble("firstContactResolution")).isCloseTo(1 / 3.0, within(0.0001));
                assertThat(figures.getDouble("agentReportedResolution")).isCloseTo(2 / 3.0, within(0.0001));
                assertThat(figures.getDouble("escalationRate")).isCloseTo(0.25, within(0.0001));
                // AHT 80 s at 0.90 a handling minute, one call at a time (C's front-office part is not in the AHT).
                assertThat(figures.getDouble("costPerContact")).isCloseTo(80 / 60.0 * 0.90 / 1, within(0.0001));
            }
        });

        JsonPath backOffice = Tokens.asOps().get("/api/channels/metrics").then().extract().jsonPath()
                .setRootPath("offices.find { it.office == 'BACK_OFFICE' }");
        assertThat(backOffice.getLong("totals.completed")).isEqualTo(1);
        assertThat(backOffice.getDouble("totals.averageHandlingSeconds")).isCloseTo(60.0, within(0.001));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> RestAssured.get("/q/metrics").then()
                .body(containsString("switchboard_ops_service_level_ratio{channel=\"PHONE\",window=\"5m\"} 0.6"))
                .body(containsString("switchboard_ops_contacts_abandoned_total{channel=\"PHONE\"} 2.0"))
                .body(containsString("switchboard_ops_handling_average_seconds{channel=\"PHONE\",window=\"total\"} 80.0")));
    }

    private static ContactRouted contact(String customer, Intent intent, Instant at) {
        return routed(Channel.PHONE, customer, intent, "Ik heb een vraag", at);
    }

    private static Instant at(Instant t, long secondsAgo) {
        return t.minusSeconds(secondsAgo);
    }

    private static LifecycleEvent inOffice(LifecycleEvent event, Office office) {
        return new LifecycleEvent(event.schemaVersion(), event.eventId(), event.type(), event.contactId(),
                event.channel(), office, event.intent(), event.agentId(), event.queuedAt(), event.occurredAt(),
                event.details());
    }
}
