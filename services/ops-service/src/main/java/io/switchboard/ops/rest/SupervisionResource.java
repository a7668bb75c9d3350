package io.switchboard.ops.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.switchboard.ops.workservice.WorkServiceApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The supervisors' view of the floor for the dashboard: the work-service's agents and queues in one answer, read with
 * the supervisor's own token. Proxied rather than called from the page, so the dashboard keeps one origin (no CORS on
 * the work-service, no second URL to configure) and the work-service still decides what the caller may see.
 */
@Path("/api/supervision")
@RolesAllowed(Groups.SUPERVISOR)
public class SupervisionResource {

    private final WorkServiceApi workService;
    private final JsonWebToken caller;

    public SupervisionResource(@RestClient WorkServiceApi workService, JsonWebToken caller) {
        this.workService = workService;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Supervisors: agents with state, reason, load per channel and items held, and the queues "
            + "with waiting and stranded work, from the work-service")
    public Uni<Supervision> supervision() {
        String authorization = "Bearer " + caller.getRawToken();
        return Uni.combine().all().unis(workService.agents(authorization), workService.queues(authorization))
                .with(Supervision::new)
                .onFailure().transform(failure -> new WebApplicationException(
                        "the work-service did not answer: " + failure.getMessage(), Response.Status.BAD_GATEWAY));
    }

    /** As the work-service wrote them: {@code GET /api/supervisor/agents} and {@code GET /api/queues}. */
    public record Supervision(JsonNode agents, JsonNode queues) {
    }
}
