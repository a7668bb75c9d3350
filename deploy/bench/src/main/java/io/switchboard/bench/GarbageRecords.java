package io.switchboard.bench;

import io.switchboard.contracts.DeadLetterHeaders;
import io.switchboard.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Records no producer of Switchboard writes, on every topic a service reads: each consumer must put them on
 * {@code contacts.dlq} (with the {@link DeadLetterHeaders} naming topic, partition and offset) and keep going.
 */
final class GarbageRecords {

    /** The topics the services consume (docs/topics.md). */
    static final List<String> TOPICS = List.of(Topics.CONTACTS_INBOUND, Topics.CONTACTS_ROUTED,
            Topics.CONTACTS_ABANDONED, Topics.CONTACTS_LIFECYCLE, Topics.CHANNEL_METRICS, Topics.CONTACTS_UNMAPPED);

    /** Not JSON, and JSON that is no event. */
    private static final List<String> VALUES = List.of("\u0000garbage{\"contactId\":", "[42,\"not an event\"]");

    /** @param missing the garbage records no dead letter was found for, as topic-partition@offset */
    record Result(int written, List<String> missing) {
        @Override
        public String toString() {
            return "%d garbage records on %d topics, %d dead-lettered".formatted(written, TOPICS.size(),
                    written - missing.size()) + (missing.isEmpty() ? "" : ", not dead-lettered: " + missing);
        }
    }

    private final String bootstrapServers;

    GarbageRecords(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Writes the garbage and waits up to {@code patience} until every record of it is on the dead-letter topic. */
    Result run(Duration patience) throws InterruptedException, ExecutionException {
        Set<String> written = new HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (String topic : TOPICS) {
                for (String value : VALUES) {
                    RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "fault-suite-garbage", value)).get();
                    written.add(position(sent.topic(), sent.partition(), sent.offset()));
                }
            }
        }
        Set<String> missing = new HashSet<>(written);
        long deadline = System.nanoTime() + patience.toNanos();
        try (TopicReader reader = new TopicReader(bootstrapServers)) {
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                reader.readAll(Topics.CONTACTS_DLQ).forEach(letter -> missing.remove(origin(letter)));
            }
        }
        return new Result(written.size(), missing.stream().sorted().toList());
    }

    private static String origin(ConsumerRecord<String, String> deadLetter) {
        return position(header(deadLetter, DeadLetterHeaders.TOPIC), header(deadLetter, DeadLetterHeaders.PARTITION),
                header(deadLetter, DeadLetterHeaders.OFFSET));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(Object topic, Object partition, Object offset) {
        return topic + "-" + partition + "@" + offset;
    }
}
