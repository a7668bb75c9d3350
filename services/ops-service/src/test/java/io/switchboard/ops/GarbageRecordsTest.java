package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Alert;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ChannelMetrics;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.DeadLetterHeaders;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.UnmappedDelivery;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.contracts.LifecycleEventType.ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.COMPLETED;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static io.switchboard.ops.ContactEvents.routed;
import static io.switchboard.ops.ContactEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Garbage on every topic the ops-service reads, through the real broker, each record followed on its partition by
 * good ones: not JSON, JSON of the wrong shape, an event without the fields the board needs, an event of an
 * unknown schema version, and a record without a value. The service keeps counting the good records correctly,
 * and every bad one is on contacts.dlq with its original value and the reason.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class GarbageRecordsTest {

    private static final List<String> TOPICS = List.of(Topics.CONTACTS_INBOUND, Topics.CONTACTS_ROUTED,
            Topics.CONTACTS_LIFECYCLE, Topics.CHANNEL_METRICS, Topics.CONTACTS_UNMAPPED, Topics.ALERTS);

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void badRecordsGoToTheDeadLetterTopicAndTheRestCounts() throws Exception {
        // One key for everything: garbage and good records share a partition per topic, good ones after.
        String key = "garbage-" + UUID.randomUUID();
        long completedBefore = socialTotals().getLong("completed");
        Instant now = Instant.now();
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers());
                ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                        .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.CONTACTS_DLQ)) {
            ContactRouted good = routed(Channel.SOCIAL, now.minusSeconds(60));
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (String topic : TOPICS) {
                records.add(new ProducerRecord<>(topic, key, "this is not JSON"));
                records.add(new ProducerRecord<>(topic, key, "[\"a\", \"list\"]"));
                records.add(new ProducerRecord<>(topic, key, "{\"schemaVersion\": 1}"));
                records.add(new ProducerRecord<>(topic, key, futureVersionOf(good)));
                records.add(new ProducerRecord<>(topic, key, null));
            }
            String deliveryId = "delivery-" + UUID.randomUUID();
            String alertId = UUID.randomUUID().toString();
            records.add(good(Topics.CONTACTS_ROUTED, key, good));
            records.add(good(Topics.CONTACTS_LIFECYCLE, key, step(good, QUEUED, good.routedAt(), good.routedAt())));
            records.add(good(Topics.CONTACTS_LIFECYCLE, key, step(good, ACCEPTED, good.routedAt(), now.minusSeconds(50))));
            records.add(good(Topics.CONTACTS_LIFECYCLE, key, step(good, COMPLETED, good.routedAt(), now.minusSeconds(20))));
            records.add(good(Topics.CHANNEL_METRICS, key, new ChannelMetrics(ChannelMetrics.SCHEMA_VERSION,
                    Channel.SOCIAL, key, now.minusSeconds(60), now, Map.of(key, 3L))));
            records.add(good(Topics.CONTACTS_UNMAPPED, key, new UnmappedDelivery(UnmappedDelivery.SCHEMA_VERSION,
                    deliveryId, Channel.SOCIAL, "meta", "/webhooks/meta", now, "unknown-event", "group feed comment",
                    Map.of(), "{}", null)));
            records.add(good(Topics.ALERTS, key, new Alert(Alert.SCHEMA_VERSION, alertId,
                    Alert.Kind.COMPLAINT_SURGE, Alert.State.RAISED, key, null, "test", 9, 5, now, null)));
            kafka.produceStrings().fromRecords(records).awaitCompletion();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath social = Tokens.asOps().get("/api/channels/metrics").then().statusCode(200).extract()
                        .jsonPath().setRootPath("channels.find { it.channel == 'SOCIAL' }");
                assertThat(social.getLong("totals.completed")).isEqualTo(completedBefore + 1);
                // Absent until the board has read the window: an assertion to retry, not an exception.
                assertThat(social.getObject("reported.'" + key + "'", Long.class)).isEqualTo(3L);
                assertThat(Tokens.asOps().get("/api/unmapped").then().statusCode(200).extract().jsonPath()
                        .getList("latest.deliveryId")).contains(deliveryId);
                JsonPath alerts = Tokens.asOps().get("/api/alerts").then().statusCode(200).extract().jsonPath();
                assertThat(alerts.getList("active.alertId") + " " + alerts.getList("cleared.alertId"))
                        .contains(alertId);
            });

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(ours(deadLetters.getRecords(), key)).hasSize(5 * TOPICS.size()));
            List<ConsumerRecord<String, String>> dead = ours(deadLetters.getRecords(), key);
            for (String topic : TOPICS) {
                List<ConsumerRecord<String, String>> fromTopic = dead.stream()
                        .filter(record -> header(record, DeadLetterHeaders.TOPIC).equals(topic)).toList();
                assertThat(fromTopic).as(topic).hasSize(5);
                assertThat(fromTopic).as(topic).extracting(ConsumerRecord::value)
                        .contains("this is not JSON", "{\"schemaVersion\": 1}", null);
                assertThat(fromTopic).as(topic).allSatisfy(record ->
                        assertThat(header(record, DeadLetterHeaders.REASON)).isNotBlank());
            }
        }
    }

    private static JsonPath socialTotals() {
        return Tokens.asOps().get("/api/channels/metrics").then().statusCode(200).extract().jsonPath()
                .setRootPath("channels.find { it.channel == 'SOCIAL' }.totals");
    }

    /** A routed contact as a later, unknown schema version would carry it. */
    private static String futureVersionOf(ContactRouted routed) throws Exception {
        return Json.mapper().writeValueAsString(routed).replaceFirst("\"schemaVersion\":1", "\"schemaVersion\":99");
    }

    private static ProducerRecord<String, String> good(String topic, String key, Object event) throws Exception {
        return new ProducerRecord<>(topic, key, Json.mapper().writeValueAsString(event));
    }

    private static List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records,
            String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
