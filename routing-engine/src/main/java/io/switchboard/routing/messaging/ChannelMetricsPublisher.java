package io.switchboard.routing.messaging;

import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ChannelMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reports this instance's per-channel routing counts on {@code channel.metrics}, one window at a time, keyed by
 * channel (architecture §3): {@code routed}, {@code routed.<OFFICE>}, {@code rst.<RST>} and {@code deadLettered}. The
 * ops-service adds up the windows of all instances. Only channels with activity in a window are reported.
 */
@Startup
@ApplicationScoped
public class ChannelMetricsPublisher {

    private static final Logger LOG = Logger.getLogger(ChannelMetricsPublisher.class);

    private final MutinyEmitter<ChannelMetrics> emitter;
    private final String source = "routing-engine/" + ManagementFactory.getRuntimeMXBean().getName();
    private final ScheduledExecutorService timer;
    private Map<Channel, Map<String, Long>> window = new EnumMap<>(Channel.class);
    private Instant windowStart = Instant.now();

    public ChannelMetricsPublisher(@org.eclipse.microprofile.reactive.messaging.Channel("channel-metrics")
            MutinyEmitter<ChannelMetrics> emitter,
            @ConfigProperty(name = "switchboard.routing.metrics.window", defaultValue = "10s") Duration length) {
        this.emitter = emitter;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "channel-metrics-window");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::publishWindow, length.toMillis(), length.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void count(Channel channel, String counter) {
        window.computeIfAbsent(channel, c -> new HashMap<>()).merge(counter, 1L, Long::sum);
    }

    void publishWindow() {
        Map<Channel, Map<String, Long>> closed;
        Instant start;
        Instant end = Instant.now();
        synchronized (this) {
            closed = window;
            start = windowStart;
            window = new EnumMap<>(Channel.class);
            windowStart = end;
        }
        closed.forEach((channel, counters) -> {
            ChannelMetrics metrics = new ChannelMetrics(ChannelMetrics.SCHEMA_VERSION, channel, source, start, end, counters);
            emitter.sendMessage(Message.of(metrics).addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(channel.name()).build()))
                    .subscribe().with(ok -> { }, failure -> LOG.warnf("Routing counts of %s for %s..%s not reported: %s",
                            channel, start, end, failure.getMessage()));
        });
    }

    /** Reports the last, partial window on a clean shutdown, if the channel still takes it. */
    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            publishWindow();
        } catch (RuntimeException e) {
            LOG.debugf("Last routing counts window not reported at shutdown: %s", e.getMessage());
        }
    }
}
