package io.switchboard.work;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Topics;
import io.vertx.mutiny.sqlclient.Pool;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Everything the work-service made of what a test did, read back, so that what the test does not find was not
 * published — instead of waiting a while to see that nothing more comes. The work-service answers a request, and
 * commits a consumed record's offset, only after what it did committed in PostgreSQL with its events in the outbox;
 * the outbox relay sends those in the background and deletes them once Kafka acknowledged them. So once its consumer
 * groups committed the records the test published, the outbox is empty and the test's consumer has read its topic up
 * to the end offsets, every event of the test's doing is in that consumer's records.
 */
final class Settled {

    /** A topic the work-service consumes, with its consumer group (application.properties). */
    record Input(String topic, String group) {
    }

    static final Input ROUTED = new Input(Topics.CONTACTS_ROUTED, "work-service");
    static final Input DELIVERY = new Input(Topics.CONTACTS_DELIVERY, "work-service-delivery");
    static final Input FEEDBACK = new Input(Topics.CONTACTS_FEEDBACK, "work-service-feedback");
    static final Input ORDERS = new Input(Topics.CONTACTS_ORDERS, "work-service-orders");

    /** Generous for a loaded machine: each step usually takes milliseconds. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Settled() {
    }

    /**
     * Waits until the work-service consumed the inputs up to their end offsets now, relayed its outbox, and
     * {@code reader} read {@code topic} up to its end offsets after that.
     */
    static void readBack(KafkaCompanion kafka, Pool pool, ConsumerTask<String, String> reader, String topic,
            Input... inputs) {
        consumed(kafka, inputs);
        await().atMost(WAIT).until(() -> pool.query("SELECT NOT EXISTS (SELECT 1 FROM outbox_event)").execute()
                .await().indefinitely().iterator().next().getBoolean(0));
        Map<TopicPartition, Long> ends = ends(kafka, topic);
        // The reader starts at the earliest offsets: it has read to the end when it holds each partition's last record.
        await().atMost(WAIT).until(() -> {
            Map<TopicPartition, Long> read = reader.getRecords().stream().collect(Collectors.toMap(
                    record -> new TopicPartition(record.topic(), record.partition()), ConsumerRecord::offset, Math::max));
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || read.getOrDefault(end.getKey(), -1L) >= end.getValue() - 1);
        });
    }

    /** Waits until the work-service consumed the inputs up to their end offsets now: what it did is committed. */
    static void consumed(KafkaCompanion kafka, Input... inputs) {
        for (Input input : inputs) {
            Map<TopicPartition, Long> ends = ends(kafka, input.topic());
            await().atMost(WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.consumerGroups().offsets(input.group());
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.containsKey(end.getKey()) && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }

    private static Map<TopicPartition, Long> ends(KafkaCompanion kafka, String topic) {
        Map<TopicPartition, OffsetSpec> latest = kafka.topics().describe(topic).get(topic).partitions().stream()
                .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
                        partition -> OffsetSpec.latest()));
        return kafka.offsets().list(latest).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }
}
