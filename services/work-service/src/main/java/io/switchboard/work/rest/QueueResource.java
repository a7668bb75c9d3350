package io.switchboard.work.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.switchboard.work.service.QueueBoard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The queues per office and channel: waiting, oldest wait, in progress. */
@Path("/api/queues")
@Tag(name = "queues")
public class QueueResource {

    private final QueueBoard board;
    private final Clock clock;

    public QueueResource(QueueBoard board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ "agent", "supervisor", "ops" })
    public Uni<List<QueueView>> queues() {
        return board.queues().map(figures -> figures.stream().map(queue -> new QueueView(queue.office(),
                queue.channel(), queue.waiting(),
                queue.oldestQueuedAt() == null ? 0 : Duration.between(queue.oldestQueuedAt(), clock.instant()).toSeconds(),
                queue.inProgress())).toList());
    }

    public record QueueView(Office office, Channel channel, long waiting, long oldestWaitSeconds, long inProgress) {
    }
}
