package io.switchboard.adapter.core.unmapped;

import io.switchboard.adapter.core.problem.WebhookRejectedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The operators' replay of unmapped deliveries, behind a JWT of the {@code ops} group (the webhooks themselves are
 * authenticated by their signatures, not by tokens).
 */
@Path("/api/unmapped/replay")
public class UnmappedReplayResource {

    private final UnmappedReplay replay;

    public UnmappedReplayResource(UnmappedReplay replay) {
        this.replay = replay;
    }

    @POST
    @RolesAllowed("ops")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Maps this adapter's deliveries on contacts.unmapped since an instant again: publishes what "
            + "maps now, reports what still does not")
    public UnmappedReplay.Report replay(@RestQuery("since") String since) {
        return replay.replay(instant(since));
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            throw WebhookRejectedException.malformed("query parameter 'since' (an ISO-8601 instant) is required");
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.malformed("'since' is not an ISO-8601 instant such as 2026-11-30T08:00:00Z");
        }
    }
}
