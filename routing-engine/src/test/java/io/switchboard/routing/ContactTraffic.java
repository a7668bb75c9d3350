package io.switchboard.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Contacts in and decisions out, through the real broker, as the adapters and the work-service see them. */
final class ContactTraffic {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaCompanion kafka;

    ContactTraffic(String bootstrapServers) {
        this.kafka = new KafkaCompanion(bootstrapServers);
    }

    static ContactReceived contact(Channel channel, String customerKey, String text) {
        return ContactReceived.of(channel, "test", UUID.randomUUID().toString(), Instant.now(),
                new Customer(customerKey, null, null, null, null), text, null, false, List.of(), Map.of());
    }

    static String uniqueCustomer() {
        return "phone:+316" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
    }

    void send(ContactReceived contact) {
        sendRaw(contact.customer().key(), json(contact));
    }

    void sendRaw(String key, String value) {
        sendRaw(key, List.of(value));
    }

    /** The values in this order, with one key, in one go. */
    void sendRaw(String key, List<String> values) {
        kafka.produceStrings().fromRecords(values.stream()
                        .map(value -> new ProducerRecord<>(Topics.CONTACTS_INBOUND, key, value)).toList())
                .awaitCompletion(WAIT);
    }

    /** Publishes corrections as the work-service does: keyed by contact id, on {@code topic}, in this order. */
    void correct(String topic, List<ClassificationCorrection> corrections) {
        corrections.forEach(correction -> publish(topic, correction.contactId(), json(correction)));
    }

    /** One record as it is, {@code value} null for a tombstone. */
    void publish(String topic, String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, value)).awaitCompletion(WAIT);
    }

    /** The routed event of one contact, waiting for it. */
    ConsumerRecord<String, String> routed(String contactId) {
        return kafka.consumeStrings()
                .fromTopics(Set.of(Topics.CONTACTS_ROUTED), records -> records
                        .filter(record -> contactId.equals(read(record.value()).path("contact").path("contactId").asText())))
                .awaitRecords(1, WAIT).getFirstRecord();
    }

    /** Fails if a routed event containing {@code marker} appears within {@code window}. */
    void assertNothingRouted(String marker, Duration window) {
        kafka.consumeStrings()
                .fromTopics(Set.of(Topics.CONTACTS_ROUTED), records -> records
                        .filter(record -> record.value() != null && record.value().contains(marker)))
                .awaitNoRecords(window).close();
    }

    /** The dead letter whose value contains {@code marker}, waiting for it. */
    ConsumerRecord<String, String> deadLetter(String marker) {
        return kafka.consumeStrings()
                .fromTopics(Set.of(Topics.CONTACTS_DLQ), records -> records
                        .filter(record -> record.value() != null && record.value().contains(marker)))
                .awaitRecords(1, WAIT).getFirstRecord();
    }

    /** The dead letters with this key: once the first arrived, whatever else arrives within a grace time. */
    List<ConsumerRecord<String, String>> deadLetters(String key) throws InterruptedException {
        var task = kafka.consumeStrings()
                .fromTopics(Set.of(Topics.CONTACTS_DLQ), records -> records.filter(record -> key.equals(record.key())))
                .awaitRecords(1, WAIT);
        Thread.sleep(2000);
        List<ConsumerRecord<String, String>> deadLetters = task.getRecords();
        task.close();
        return deadLetters;
    }

    /** A window of counts on channel.metrics for {@code channel} from a source starting with {@code source}. */
    ConsumerRecord<String, String> channelMetrics(Channel channel, String source) {
        return kafka.consumeStrings()
                .fromTopics(Set.of(Topics.CHANNEL_METRICS), records -> records
                        .filter(record -> channel.name().equals(record.key())
                                && read(record.value()).path("source").asText().startsWith(source)))
                .awaitRecords(1, WAIT).getFirstRecord();
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
