package io.switchboard.work.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ChannelMetrics;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tells operations, per channel, how many agents are available to take its contacts: the level
 * {@code agents.available} on {@code channel.metrics}. The ops-service closes a channel to customers when it drops
 * to zero. With it goes the level {@code items.stranded}: waiting items of the channel no AVAILABLE agent could
 * take ({@link StrandedWork}), for an alert before their service level breaks. Every instance reports the same
 * database-wide figures, so several instances do not add up.
 */
@ApplicationScoped
public class AgentAvailabilityReporter {

    // An agent serves a channel when its capacity on that channel is above zero.
    private static final String AVAILABLE_PER_CHANNEL = """
            SELECT c.key AS channel, count(*) AS agents
            FROM agent a, jsonb_each_text(a.capacity) c
            WHERE a.status = 'AVAILABLE' AND c.value::int > 0
            GROUP BY c.key""";

    private final Pool pool;
    private final StrandedWork stranded;
    private final MutinyEmitter<ChannelMetrics> emitter;
    private final Clock clock;
    private final Duration interval;
    private final String source;

    public AgentAvailabilityReporter(Pool pool, StrandedWork stranded, @org.eclipse.microprofile.reactive.messaging.Channel("channel-metrics")
            MutinyEmitter<ChannelMetrics> emitter, Clock clock, WorkSettings settings,
            @ConfigProperty(name = "quarkus.uuid") String instance) {
        this.pool = pool;
        this.stranded = stranded;
        this.emitter = emitter;
        this.clock = clock;
        this.interval = settings.availabilityInterval();
        this.source = "work-service/" + instance;
    }

    @Scheduled(every = "${switchboard.work.availability-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> report() {
        Instant now = clock.instant();
        return pool.query(AVAILABLE_PER_CHANNEL).execute().chain(rows -> {
            Map<Channel, Long> available = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                available.put(channel, 0L);
            }
            for (Row row : rows) {
                available.put(Channel.valueOf(row.getString("channel")), row.getLong("agents"));
            }
            StrandedWork.Count strandedNow = stranded.latest();
            List<Uni<Void>> sends = available.entrySet().stream().map(level -> emitter.sendMessage(Message.of(
                    new ChannelMetrics(ChannelMetrics.SCHEMA_VERSION, level.getKey(), source, now.minus(interval), now,
                            Map.of("agents.available", level.getValue(),
                                    "items.stranded", strandedNow.items(level.getKey()))))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(level.getKey().name()).build())))
                    .toList();
            return Uni.join().all(sends).andCollectFailures().replaceWithVoid();
        });
    }
}
