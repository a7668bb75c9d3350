package io.switchboard.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * SmallRye's {@code latest} commit strategy, coalesced: an acknowledged record's offset is committed at most
 * {@code auto.commit.interval.ms} later, together with every other offset acknowledged meanwhile, in one request.
 * The latest strategy commits on every acknowledgement, so at low rates — a poll of one or two records — each poll
 * of each consumer cost the broker an offset commit (docs/benchmarks.md). Only acknowledged offsets are committed,
 * as before: nothing is committed before its effect is durable. What a crash loses is the last interval's commits,
 * so those records are read again, which the consumers already take (deterministic contact ids, de-duplication in
 * the work-service). Partitions taken away in a rebalance, and a closing consumer, commit what is pending first.
 * Channels select it with {@code commit-strategy=coalesced}.
 */
public class CoalescedCommit implements KafkaCommitHandler {

    public static final String STRATEGY = "coalesced";

    private static final Logger LOG = Logger.getLogger(CoalescedCommit.class);
    private static final int DEFAULT_INTERVAL_MS = 200;
    private static final Duration CLOSING_COMMIT_TIMEOUT = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final KafkaConsumer<?, ?> consumer;
    private final long intervalMs;
    // Acknowledgements arrive on the channel's event loop, revocations on the consumer's polling thread.
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private boolean commitScheduled;

    CoalescedCommit(Vertx vertx, KafkaConsumer<?, ?> consumer, long intervalMs) {
        this.vertx = vertx;
        this.consumer = consumer;
        this.intervalMs = intervalMs;
    }

    @ApplicationScoped
    @Identifier(STRATEGY)
    public static class Factory implements KafkaCommitHandler.Factory {

        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            int interval = config.config().getOptionalValue(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, Integer.class)
                    .orElse(DEFAULT_INTERVAL_MS);
            return new CoalescedCommit(vertx, consumer, interval);
        }
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        acknowledged(new TopicPartition(record.getTopic(), record.getPartition()), record.getOffset() + 1);
        return Uni.createFrom().voidItem().runSubscriptionOn(record::runOnMessageContext);
    }

    private synchronized void acknowledged(TopicPartition partition, long next) {
        pending.merge(partition, new OffsetAndMetadata(next),
                (earlier, later) -> earlier.offset() >= later.offset() ? earlier : later);
        if (!commitScheduled) {
            commitScheduled = true;
            vertx.setTimer(intervalMs, timer -> commitPending());
        }
    }

    private synchronized Map<TopicPartition, OffsetAndMetadata> takePending() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(pending);
        pending.clear();
        commitScheduled = false;
        return offsets;
    }

    private void commitPending() {
        Map<TopicPartition, OffsetAndMetadata> offsets = takePending();
        if (!offsets.isEmpty()) {
            // Not retried: a later commit carries later offsets, and without one the records are read again.
            consumer.commitAsync(offsets).subscribe().with(done -> {
            }, failure -> LOG.warnf(failure, "Could not commit offsets %s", offsets));
        }
    }

    /** Called on the polling thread inside the poll, where a synchronous commit is allowed. */
    @Override
    public void partitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = takePending();
        if (!offsets.isEmpty()) {
            try {
                consumer.unwrap().commitSync(offsets);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not commit offsets %s before the partitions were revoked", offsets);
            }
        }
    }

    @Override
    public void terminate(boolean graceful) {
        Map<TopicPartition, OffsetAndMetadata> offsets = takePending();
        if (!offsets.isEmpty()) {
            try {
                consumer.commit(offsets).await().atMost(CLOSING_COMMIT_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not commit offsets %s on closing", offsets);
            }
        }
    }
}
