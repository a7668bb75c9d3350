package io.switchboard.ops.rest;

import io.smallrye.mutiny.Multi;
import io.switchboard.ops.alerts.AlertBook;
import io.switchboard.ops.availability.ChannelCalendar;
import io.switchboard.ops.availability.ChannelGate;
import io.switchboard.ops.corrections.RoutingCorrections;
import io.switchboard.ops.metrics.BoardSnapshot;
import io.switchboard.ops.metrics.ChannelBoard;
import io.switchboard.ops.metrics.LatestSnapshot;
import io.switchboard.ops.unmapped.UnmappedDeliveries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Clock;
import java.time.Duration;

@Path("/api/channels/metrics")
@RolesAllowed({ Groups.OPS, Groups.SUPERVISOR })
public class ChannelMetricsResource {

    private static final Duration STREAM_INTERVAL = Duration.ofSeconds(1);

    private final ChannelBoard board;
    private final LatestSnapshot latest;
    private final ChannelGate gate;
    private final AlertBook alerts;
    private final UnmappedDeliveries unmapped;
    private final RoutingCorrections corrections;
    private final ChannelCalendar calendar;
    private final JsonWebToken caller;
    private final Clock clock;

    public ChannelMetricsResource(ChannelBoard board, LatestSnapshot latest, ChannelGate gate, AlertBook alerts,
            UnmappedDeliveries unmapped, RoutingCorrections corrections, ChannelCalendar calendar,
            JsonWebToken caller, Clock clock) {
        this.board = board;
        this.latest = latest;
        this.gate = gate;
        this.alerts = alerts;
        this.unmapped = unmapped;
        this.corrections = corrections;
        this.calendar = calendar;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per channel and office: queue, 1/5/15-minute windows and totals")
    public BoardSnapshot metrics() {
        return board.snapshot(clock.instant());
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: the metrics, availability, raised alerts, unmapped deliveries and "
            + "routing corrections, once a second")
    public Multi<LiveView> stream() {
        // The token of the request that opened the stream; the business hours are refreshed with it in the
        // background, and a tick shows what is known (at most a second behind a change).
        String token = caller.getRawToken();
        // One at once, so a dashboard has numbers before the first tick.
        Multi<Long> ticks = Multi.createFrom().ticks().every(STREAM_INTERVAL).onOverflow().drop();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(0L), ticks)
                .invoke(tick -> calendar.refresh(token).subscribe().with(done -> { }))
                .map(tick -> live(latest.get()));
    }

    private LiveView live(BoardSnapshot snapshot) {
        return new LiveView(snapshot.at(), snapshot.channels(), snapshot.offices(), gate.assess(snapshot),
                alerts.active(), unmapped.summary(), corrections.summary());
    }
}
