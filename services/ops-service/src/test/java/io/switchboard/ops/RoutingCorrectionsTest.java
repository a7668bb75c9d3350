package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.DeadLetterHeaders;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.contracts.ClassificationCorrection.Source.AGENT;
import static io.switchboard.contracts.ClassificationCorrection.Source.ESCALATION;
import static io.switchboard.contracts.Intent.COMPLEX_INQUIRY;
import static io.switchboard.contracts.Intent.FAULT_REPORT;
import static io.switchboard.contracts.Intent.INFORMATION;
import static io.switchboard.contracts.Rst.ROUTINE;
import static io.switchboard.contracts.Rst.SPECIALIST;
import static io.switchboard.contracts.Rst.TECHNICAL;
import static io.switchboard.ops.ContactEvents.correction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agents' corrections from the real, compacted contacts.corrections topic: per ISO week the routed class and
 * intent against the corrected ones by source, each contact's latest correction once (a redelivery counts nothing, a
 * later correction moves the contact, a tombstone removes it), on the API and in Prometheus. The corrections are
 * in weeks of March 2026 that no other test uses.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class RoutingCorrectionsTest {

    /** Monday of 2026-W10 and of 2026-W11. */
    private static final Instant WEEK_10 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant WEEK_11 = Instant.parse("2026-03-09T09:00:00Z");

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void correctionsAreCountedPerWeekAndClassOncePerContact() {
        String faultA = UUID.randomUUID().toString();
        String faultB = UUID.randomUUID().toString();
        String escalated = UUID.randomUUID().toString();
        String withdrawn = UUID.randomUUID().toString();
        ClassificationCorrection first = correction(faultA, TECHNICAL, FAULT_REPORT, SPECIALIST, COMPLEX_INQUIRY, AGENT,
                WEEK_10);
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers());
                ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                        .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.CONTACTS_DLQ)) {
            ContactEvents events = new ContactEvents(kafka);
            events.send(first, first,
                    correction(faultB, TECHNICAL, FAULT_REPORT, SPECIALIST, COMPLEX_INQUIRY, AGENT, WEEK_10.plusSeconds(60)),
                    correction(escalated, ROUTINE, INFORMATION, TECHNICAL, INFORMATION, ESCALATION, WEEK_10.plusSeconds(90)),
                    // The same contact corrected again a week later: its latest correction is the one that counts.
                    correction(escalated, ROUTINE, INFORMATION, SPECIALIST, COMPLEX_INQUIRY, AGENT, WEEK_11),
                    correction(withdrawn, TECHNICAL, FAULT_REPORT, ROUTINE, INFORMATION, AGENT, WEEK_11.plusSeconds(30)));
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_CORRECTIONS, withdrawn, null),
                    new ProducerRecord<>(Topics.CONTACTS_CORRECTIONS, faultA, "this is not JSON")).awaitCompletion();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath weeks = Tokens.asOps().get("/api/corrections").then().statusCode(200).extract().jsonPath();
                assertThat(weeks.getList("weeks.week")).containsSubsequence("2026-W11", "2026-W10");
                JsonPath week11 = weeks.setRootPath("weeks.find { it.week == '2026-W11' }");
                assertThat(week11.getString("starts")).isEqualTo("2026-03-09");
                assertThat(week11.getLong("total")).isEqualTo(1);
                assertThat(week11.getList("corrections", Map.class)).containsExactly(Map.of(
                        "routedRst", "ROUTINE", "rst", "SPECIALIST", "routedIntent", "INFORMATION",
                        "intent", "COMPLEX_INQUIRY", "source", "AGENT", "count", 1));
                JsonPath week10 = weeks.setRootPath("weeks.find { it.week == '2026-W10' }");
                assertThat(week10.getLong("total")).isEqualTo(2);
                assertThat(week10.getList("corrections", Map.class)).containsExactly(Map.of(
                        "routedRst", "TECHNICAL", "rst", "SPECIALIST", "routedIntent", "FAULT_REPORT",
                        "intent", "COMPLEX_INQUIRY", "source", "AGENT", "count", 2));
            });
            // The counter counts each new correction as it arrived: the redelivery not, the withdrawn one still.
            // Awaited too: the weeks above look the same before the withdrawn correction arrives as after its
            // withdrawal.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(RestAssured.given()
                    .accept("text/plain; version=0.0.4; charset=utf-8").get("/q/metrics")
                    .then().statusCode(200).extract().asString()).contains(
                    "switchboard_ops_corrections_total{routed_rst=\"TECHNICAL\",rst=\"SPECIALIST\",source=\"AGENT\",} 2.0",
                    "switchboard_ops_corrections_total{routed_rst=\"ROUTINE\",rst=\"TECHNICAL\",source=\"ESCALATION\",} 1.0",
                    "switchboard_ops_corrections_total{routed_rst=\"ROUTINE\",rst=\"SPECIALIST\",source=\"AGENT\",} 1.0",
                    "switchboard_ops_corrections_total{routed_rst=\"TECHNICAL\",rst=\"ROUTINE\",source=\"AGENT\",} 1.0"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters.getRecords())
                    .filteredOn(record -> faultA.equals(record.key())).singleElement().satisfies(record -> {
                        assertThat(record.value()).isEqualTo("this is not JSON");
                        assertThat(new String(record.headers().lastHeader(DeadLetterHeaders.TOPIC).value(),
                                StandardCharsets.UTF_8)).isEqualTo(Topics.CONTACTS_CORRECTIONS);
                    }));
        }
    }
}
