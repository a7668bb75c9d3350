package io.switchboard.ops.metrics;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The board as of the last half second, shared by the meters and the streams so a scrape or a dozen dashboards do
 * not each walk the board. Taken on demand only: with nobody scraping or watching, nothing is computed.
 */
@ApplicationScoped
public class LatestSnapshot {

    /** Under the stream's one-second tick, so every tick of every client sees a snapshot taken since the last. */
    static final Duration MAX_AGE = Duration.ofMillis(500);

    private final ChannelBoard board;
    private final Clock clock;
    private volatile BoardSnapshot latest;

    public LatestSnapshot(ChannelBoard board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetFinished() {
        board.forgetFinished(clock.instant());
    }

    public BoardSnapshot get() {
        BoardSnapshot snapshot = latest;
        if (snapshot == null || isStale(snapshot, clock.instant())) {
            synchronized (this) {
                Instant now = clock.instant();
                // Another reader may have taken it while this one waited.
                if (latest == null || isStale(latest, now)) {
                    latest = board.snapshot(now);
                }
                snapshot = latest;
            }
        }
        return snapshot;
    }

    private static boolean isStale(BoardSnapshot snapshot, Instant now) {
        return snapshot.at().plus(MAX_AGE).isBefore(now);
    }
}
