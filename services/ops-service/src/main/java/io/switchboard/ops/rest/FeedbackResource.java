package io.switchboard.ops.rest;

import io.switchboard.ops.metrics.BoardSnapshot;
import io.switchboard.ops.metrics.ChannelBoard;
import io.switchboard.ops.metrics.OpsSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Path("/api/feedback")
@RolesAllowed({ Groups.OPS, Groups.SUPERVISOR })
public class FeedbackResource {

    private final ChannelBoard board;
    private final String currency;
    private final Clock clock;

    public FeedbackResource(ChannelBoard board, OpsSettings settings, Clock clock) {
        this.board = board;
        this.currency = settings.cost().currency();
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "NPS, CSAT, response rate, offers and revenue next to AHT, FCR and cost per contact, per "
            + "channel, office, intent or agent: 1/5/15-minute windows and totals")
    public FeedbackReport feedback(@QueryParam("by") @DefaultValue("channel")
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "channel", "office", "intent",
                    "agent" }, defaultValue = "channel")) String by) {
        Instant now = clock.instant();
        return new FeedbackReport(now, by, currency, groups(by, now));
    }

    private List<FeedbackReport.Group> groups(String by, Instant now) {
        if (by.equals("agent")) {
            return board.agents(now).stream()
                    .map(agent -> FeedbackReport.Group.of(agent.agentId(), agent.totals(), agent.windows())).toList();
        }
        BoardSnapshot snapshot = board.snapshot(now);
        return switch (by) {
            case "channel" -> snapshot.channels().stream()
                    .map(c -> FeedbackReport.Group.of(c.channel().name(), c.totals(), c.windows())).toList();
            case "office" -> snapshot.offices().stream()
                    .map(o -> FeedbackReport.Group.of(o.office().name(), o.totals(), o.windows())).toList();
            case "intent" -> snapshot.intents().stream()
                    .map(i -> FeedbackReport.Group.of(i.intent().name(), i.totals(), i.windows())).toList();
            default -> throw new BadRequestException("by is channel, office, intent or agent, not '" + by + "'");
        };
    }
}
