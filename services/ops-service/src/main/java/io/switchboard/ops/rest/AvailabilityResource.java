package io.switchboard.ops.rest;

import io.switchboard.ops.availability.ChannelAvailability;
import io.switchboard.ops.availability.ChannelCalendar;
import io.switchboard.ops.availability.ChannelGate;
import io.switchboard.ops.metrics.ChannelBoard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.List;

@Path("/api/channels/availability")
@RolesAllowed({ Groups.OPS, Groups.SUPERVISOR })
public class AvailabilityResource {

    private final ChannelBoard board;
    private final ChannelGate gate;
    private final ChannelCalendar calendar;
    private final JsonWebToken caller;
    private final Clock clock;

    public AvailabilityResource(ChannelBoard board, ChannelGate gate, ChannelCalendar calendar, JsonWebToken caller,
            Clock clock) {
        this.board = board;
        this.gate = gate;
        this.calendar = calendar;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per channel: open or closed for new contacts (business hours, agents, expected wait), the "
            + "alternative to offer")
    public List<ChannelAvailability> availability() {
        // Blocking on a worker thread, bounded by the calendar's own timeout; a failure leaves the hours UNKNOWN.
        calendar.refresh(caller.getRawToken()).await().indefinitely();
        return gate.assess(board.snapshot(clock.instant()));
    }
}
