package io.switchboard.ops.metrics;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The board as of the last second, shared by the meters and the stream so a scrape or a dozen
 * dashboards do not each walk the board.
 */
@ApplicationScoped
public class LatestSnapshot {

    private final ChannelBoard board;
    private final Clock clock;
    private final AtomicReference<BoardSnapshot> latest = new AtomicReference<>();

    public LatestSnapshot(ChannelBoard board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        latest.set(board.snapshot(clock.instant()));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetFinished() {
        board.forgetFinished(clock.instant());
    }

    public BoardSnapshot get() {
        BoardSnapshot snapshot = latest.get();
        if (snapshot == null) {
            refresh();
            snapshot = latest.get();
        }
        return snapshot;
    }
}
