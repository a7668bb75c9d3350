package io.switchboard.ops.rest;

import io.switchboard.ops.corrections.RoutingCorrections;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/corrections")
@RolesAllowed({ Groups.OPS, Groups.SUPERVISOR })
public class CorrectionsResource {

    private final RoutingCorrections corrections;

    public CorrectionsResource(RoutingCorrections corrections) {
        this.corrections = corrections;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Agents' corrections of routing decisions per week: routed against corrected class and "
            + "intent, by source")
    public RoutingCorrections.Summary corrections() {
        return corrections.summary();
    }
}
