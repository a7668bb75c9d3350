package io.switchboard.adapter.core.unmapped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Identifier;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.KafkaConnection;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.UnmappedDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Re-runs the mapping over this adapter's deliveries on {@code contacts.unmapped} since a point in time, after a
 * fix: what maps now is published as contacts (their ids derive from the provider's ids, so a replay never
 * duplicates one), what still fails is only reported — it is on the topic already.
 */
@ApplicationScoped
public class UnmappedReplay {

    private static final Logger LOG = Logger.getLogger(UnmappedReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);
    private static final Duration MAPPING_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, Object> kafka;
    private final Channel channel;
    private final Instance<DeliveryMapping> mappings;
    private final ObjectMapper mapper;

    public UnmappedReplay(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "switchboard.channel") Channel channel, Instance<DeliveryMapping> mappings,
            ObjectMapper mapper) {
        this.kafka = kafka;
        this.channel = channel;
        this.mappings = mappings;
        this.mapper = mapper;
    }

    /** What a replay did: every delivery of this channel read since {@code since}, once each. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(Channel channel, Instant since, int read, List<Outcome> published, List<Outcome> stillUnmapped) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String deliveryId, String endpoint, Instant receivedAt, String reason, String detail) {
    }

    /**
     * Blocks while it reads the topic up to its end at the time of the call and maps each delivery.
     *
     * @throws WebhookRejectedException (503) when the broker does not acknowledge a published contact
     */
    public Report replay(Instant since) {
        Map<String, UnmappedDelivery> deliveries = read(since);
        List<Outcome> published = new ArrayList<>();
        List<Outcome> stillUnmapped = new ArrayList<>();
        for (UnmappedDelivery delivery : deliveries.values()) {
            SignedDelivery signed = new SignedDelivery(delivery.endpoint(), delivery.headers(),
                    SignedDeliveries.Body.decode(delivery));
            try {
                mappingOf(signed).orElseThrow(() -> UnmappableException.unknownEvent("no mapping for endpoint "
                        + signed.path())).map(signed).await().atMost(MAPPING_TIMEOUT);
                published.add(new Outcome(delivery.deliveryId(), delivery.endpoint(), delivery.receivedAt(), null, null));
            } catch (RuntimeException e) {
                if (SignedDeliveries.brokerUnavailable(e)) {
                    throw e;
                }
                UnmappableException reason = UnmappableException.of(e);
                stillUnmapped.add(new Outcome(delivery.deliveryId(), delivery.endpoint(), delivery.receivedAt(),
                        reason.reason().tag(), reason.getMessage()));
            }
        }
        LOG.infof("Replayed %d unmapped %s deliveries since %s: %d published, %d still unmapped", deliveries.size(),
                channel, since, published.size(), stillUnmapped.size());
        return new Report(channel, since, deliveries.size(), published, stillUnmapped);
    }

    private Optional<DeliveryMapping> mappingOf(SignedDelivery delivery) {
        return mappings.stream().filter(mapping -> mapping.endpoints().contains(delivery.path())).findFirst();
    }

    /** This channel's deliveries from {@code since} to the end of the topic as it is now, the latest per id. */
    private Map<String, UnmappedDelivery> read(Instant since) {
        Map<String, UnmappedDelivery> deliveries = new LinkedHashMap<>();
        // No group: the replay assigns partitions itself and commits nothing (and needs no group ACL).
        Map<String, Object> config = KafkaConnection.of(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONTACTS_UNMAPPED, READ_LIMIT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_LIMIT);
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> since.toEpochMilli())), READ_LIMIT);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = start.get(partition);
                consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
            }
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    parse(record).filter(delivery -> delivery.channel() == channel)
                            .ifPresent(delivery -> deliveries.put(delivery.deliveryId(), delivery));
                }
            }
        }
        return deliveries;
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    private Optional<UnmappedDelivery> parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(record.value(), UnmappedDelivery.class));
        } catch (IOException e) {
            LOG.warnf("Skipped a record on %s at %d-%d that is no UnmappedDelivery", Topics.CONTACTS_UNMAPPED,
                    record.partition(), record.offset());
            return Optional.empty();
        }
    }
}
