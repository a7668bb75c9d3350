package io.switchboard.ops.messaging;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.common.annotation.Identifier;
import io.switchboard.contracts.KafkaConnection;
import io.switchboard.contracts.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tells when this instance has read every topic up to where it ended at start-up, so that the board is the whole
 * picture again: until then readiness is down and no alert is evaluated (a half-replayed board would raise false
 * alerts and would not yet know the alerts already raised).
 */
@ApplicationScoped
public class ReplayProgress {

    private static final Logger LOG = Logger.getLogger(ReplayProgress.class);
    static final List<String> TOPICS = List.of(Topics.CONTACTS_INBOUND, Topics.CONTACTS_ROUTED,
            Topics.CONTACTS_LIFECYCLE, Topics.CHANNEL_METRICS, Topics.CONTACTS_UNMAPPED, Topics.CONTACTS_CORRECTIONS,
            Topics.ALERTS);
    private static final int TIMEOUT_MS = 3000;
    private static final String LEARN_TARGETS = "replay-progress-targets";

    private final Map<String, Object> kafka;
    private final Scheduler scheduler;
    private final Map<TopicPartition, Long> consumed = new ConcurrentHashMap<>();
    /** The last offset of each partition at start-up that holds records; null until known. */
    private volatile Map<TopicPartition, Long> targets;
    private volatile boolean caughtUp;
    private Admin admin;

    public ReplayProgress(@Identifier("default-kafka-broker") Map<String, Object> kafka, Scheduler scheduler) {
        this.kafka = kafka;
        this.scheduler = scheduler;
    }

    /** Asks for the end offsets every second until the broker answers, then never again. */
    void start(@Observes StartupEvent event) {
        scheduler.newJob(LEARN_TARGETS).setInterval("1s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> learnTargets())
                .schedule();
    }

    /** Counts a partition as read up to this offset; once caught up there is nothing left to count. */
    void consumed(TopicPartition partition, long offset) {
        if (!caughtUp) {
            consumed.merge(partition, offset, Math::max);
        }
    }

    public boolean caughtUp() {
        if (!caughtUp && targets != null) {
            caughtUp = targets.entrySet().stream()
                    .allMatch(target -> consumed.getOrDefault(target.getKey(), -1L) >= target.getValue());
            if (caughtUp) {
                LOG.infof("Replay caught up with %d partitions", targets.size());
            }
        }
        return caughtUp;
    }

    /** Partitions still behind their start-up end, with the offsets to go. */
    public Map<String, Long> behind() {
        Map<TopicPartition, Long> known = targets;
        if (known == null) {
            return Map.of("end offsets", -1L);
        }
        return known.entrySet().stream()
                .filter(target -> consumed.getOrDefault(target.getKey(), -1L) < target.getValue())
                .collect(Collectors.toMap(target -> target.getKey().toString(),
                        target -> target.getValue() - consumed.getOrDefault(target.getKey(), -1L)));
    }

    private synchronized void learnTargets() {
        if (targets != null) {
            return;
        }
        try {
            targets = endOffsets();
            scheduler.unscheduleJob(LEARN_TARGETS);
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.debugf("End offsets not known yet: %s", e.getMessage());
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : admin().describeTopics(TOPICS).topicNameValues()
                .entrySet()) {
            try {
                topic.getValue().get().partitions().forEach(partition ->
                        latest.put(new TopicPartition(topic.getKey(), partition.partition()), OffsetSpec.latest()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        Map<TopicPartition, OffsetSpec> earliest = latest.keySet().stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin().listOffsets(earliest).all().get();
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        // Partitions with nothing left to read (empty, or emptied by retention) are not waited for.
        ends.forEach((partition, end) -> {
            if (end.offset() > starts.get(partition).offset()) {
                lastOffsets.put(partition, end.offset() - 1);
            }
        });
        return Map.copyOf(lastOffsets);
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> config = KafkaConnection.of(kafka);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofMillis(TIMEOUT_MS));
            admin = null;
        }
    }
}
