package io.switchboard.work.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.work.repository.StrandedRepository;
import io.switchboard.work.repository.StrandedRepository.Stranded;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work that waits with nobody on duty who could take it, and why, counted every
 * {@code switchboard.work.stranded-interval} over the first {@code stranded-scan} items of each office's queue
 * (one bounded query, whatever the queue's length and however often the queues are read). The last count is served
 * by {@code GET /api/queues}, exported as {@code switchboard_work_stranded_items{office,channel,reason}} and
 * reported per channel as the level {@code items.stranded} on {@code channel.metrics}.
 */
@ApplicationScoped
public class StrandedWork {

    private static final Logger LOG = Logger.getLogger(StrandedWork.class);

    private final StrandedRepository repository;
    private final WorkSettings settings;
    private final Clock clock;
    private final MultiGauge gauge;
    private final AtomicReference<Count> latest;

    public StrandedWork(StrandedRepository repository, WorkSettings settings, Clock clock, MeterRegistry registry) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
        this.gauge = MultiGauge.builder("switchboard.work.stranded.items")
                .description("Queued items no AVAILABLE agent could take, by reason").register(registry);
        this.latest = new AtomicReference<>(new Count(List.of(), null));
    }

    /** The last count; {@code countedAt} is null until the first count. */
    public Count latest() {
        return latest.get();
    }

    @Scheduled(every = "${switchboard.work.stranded-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> count() {
        Instant now = clock.instant();
        return repository.stranded(settings.strandedScan(), now)
                .invoke(stranded -> {
                    latest.set(new Count(stranded, now));
                    gauge.register(stranded.stream().map(group -> MultiGauge.Row.of(Tags.of("office",
                            group.office().name(), "channel", group.channel().name(), "reason", group.reason()),
                            group.items())).toList(), true);
                })
                .onFailure().invoke(e -> LOG.warnf("Count of stranded work failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Stranded items grouped by office, channel and reason, as counted at {@code countedAt}. */
    public record Count(List<Stranded> groups, Instant countedAt) {

        public long items(Channel channel) {
            return groups.stream().filter(group -> group.channel() == channel).mapToLong(Stranded::items).sum();
        }
    }
}
