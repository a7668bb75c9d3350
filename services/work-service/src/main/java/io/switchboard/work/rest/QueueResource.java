package io.switchboard.work.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.switchboard.work.repository.StrandedRepository.Stranded;
import io.switchboard.work.service.QueueBoard;
import io.switchboard.work.service.StrandedWork;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The queues per office and channel: waiting, oldest wait, in progress, flagged for supervisors, and the items no
 * agent on duty could take now with why (the last count of {@link StrandedWork}, at most seconds old).
 */
@Path("/api/queues")
@Tag(name = "queues")
public class QueueResource {

    private final QueueBoard board;
    private final StrandedWork stranded;
    private final Clock clock;

    public QueueResource(QueueBoard board, StrandedWork stranded, Clock clock) {
        this.board = board;
        this.stranded = stranded;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ "agent", "supervisor", "ops" })
    @Operation(summary = "Per office and channel: waiting, oldest wait, in progress, flagged and stranded work")
    public Uni<List<QueueView>> queues() {
        StrandedWork.Count count = stranded.latest();
        Instant now = clock.instant();
        return board.queues().map(figures -> figures.stream().map(queue -> {
            List<Stranded> groups = count.groups().stream()
                    .filter(group -> group.office() == queue.office() && group.channel() == queue.channel()).toList();
            Map<String, Long> reasons = new TreeMap<>();
            groups.forEach(group -> reasons.put(group.reason(), group.items()));
            Instant oldestStranded = groups.stream().map(Stranded::oldestQueuedAt).min(Instant::compareTo)
                    .orElse(null);
            return new QueueView(queue.office(), queue.channel(), queue.waiting(), seconds(queue.oldestQueuedAt(), now),
                    queue.inProgress(), queue.flagged(), reasons.values().stream().mapToLong(Long::longValue).sum(),
                    reasons, seconds(oldestStranded, now), count.countedAt());
        }).toList());
    }

    private static long seconds(Instant since, Instant now) {
        return since == null ? 0 : Duration.between(since, now).toSeconds();
    }

    /**
     * @param stranded                 waiting items no AVAILABLE agent could take ({@code strandedReasons}: office,
     *                                 skill, language, region, capacity, flagged)
     * @param oldestStrandedWaitSeconds how long the oldest of them has waited
     * @param strandedCountedAt        when they were counted
     */
    public record QueueView(Office office, Channel channel, long waiting, long oldestWaitSeconds, long inProgress,
            long flagged, long stranded, Map<String, Long> strandedReasons, long oldestStrandedWaitSeconds,
            Instant strandedCountedAt) {
    }
}
