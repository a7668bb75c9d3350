package io.switchboard.ops.workservice;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;

/**
 * The work-service's HTTP API as far as the ops-service reads it, always with the caller's own bearer token: the
 * work-service decides what the caller may see, and the ops-service holds no credential of its own. Supervisors'
 * agents and queues are passed on as the work-service wrote them (its README documents their shape).
 */
@RegisterRestClient(configKey = "work-service")
public interface WorkServiceApi {

    @GET
    @Path("/api/calendar/{channel}")
    Uni<CalendarAnswer> calendar(@PathParam("channel") Channel channel,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/api/supervisor/agents")
    Uni<JsonNode> agents(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/api/queues")
    Uni<JsonNode> queues(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * The part of {@code GET /api/calendar/{channel}} the availability needs.
     *
     * @param nextChange when the channel next opens or closes; null if it never does
     */
    record CalendarAnswer(boolean open, boolean holiday, Instant nextChange) {
    }
}
