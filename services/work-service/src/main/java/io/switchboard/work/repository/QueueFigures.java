package io.switchboard.work.repository;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;

import java.time.Instant;

/** One office's queue on one channel right now; {@code flagged} of the waiting items wait for a supervisor. */
public record QueueFigures(Office office, Channel channel, Long waiting, Instant oldestQueuedAt, Long inProgress,
        Long flagged) {
}
