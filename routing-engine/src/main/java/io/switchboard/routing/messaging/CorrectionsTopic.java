package io.switchboard.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.Json;
import io.switchboard.routing.classification.Corrections;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The agents' corrections as the retrain reads them: the compacted topic ({@code contacts.corrections}, keyed by
 * contact id) from the beginning up to its end when the read starts, the latest record per contact. A plain
 * consumer without a group: it assigns itself every partition and commits nothing, so every retrain reads the whole
 * topic and no engine takes partitions from another. A record without a value deletes the contact's correction;
 * one that cannot be learnt from is logged and skipped, so one bad record does not stop every retrain until a
 * newer correction of that contact replaces it.
 */
public final class CorrectionsTopic {

    /** How long a retrain waits for the topic's partitions, for its end offsets, and to read it to them. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(CorrectionsTopic.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;
    private final ObjectMapper mapper = Json.mapper();

    public CorrectionsTopic(String bootstrapServers, String topic, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.timeout = timeout;
    }

    /**
     * Each contact's latest correction, oldest first.
     *
     * @throws CorrectionsUnavailableException when the topic does not exist or cannot be read to its end in time
     */
    public List<ClassificationCorrection> read() {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                throw new CorrectionsUnavailableException("topic " + topic + " does not exist at "
                        + bootstrapServers);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            Map<String, ClassificationCorrection> latest = new HashMap<>();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new CorrectionsUnavailableException("topic " + topic + " not read to its end within "
                            + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        remember(latest, record);
                    }
                }
            }
            // Partitions arrive interleaved: sorted, the same corrections train the same model, the same version.
            return latest.values().stream().sorted(Comparator.comparing(ClassificationCorrection::correctedAt,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ClassificationCorrection::contactId)).toList();
        } catch (KafkaException e) {
            throw new CorrectionsUnavailableException("topic " + topic + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey())
                >= partition.getValue());
    }

    /** A later record of a contact replaces its correction, as compaction will; so does an unreadable one. */
    private void remember(Map<String, ClassificationCorrection> latest, ConsumerRecord<String, String> record) {
        if (record.key() != null) {
            latest.remove(record.key());
        }
        if (record.value() == null) {
            return;
        }
        try {
            ClassificationCorrection correction = mapper.readValue(record.value(), ClassificationCorrection.class);
            if (Corrections.learnable(correction)) {
                latest.put(correction.contactId(), correction);
            } else {
                LOG.warnf("Correction at %s-%d@%d skipped: it lacks the text, channel, labels or source", topic,
                        record.partition(), record.offset());
            }
        } catch (IOException e) {
            LOG.warnf("Correction at %s-%d@%d skipped: not a correction (%s)", topic, record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "routing-engine-retrain");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Reading must not create the topic: a missing one is a wrong address or name, not an empty history.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }
}
