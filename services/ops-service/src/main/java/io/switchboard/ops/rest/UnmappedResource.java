package io.switchboard.ops.rest;

import io.switchboard.ops.unmapped.UnmappedDeliveries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/unmapped")
@RolesAllowed({ Groups.OPS, Groups.SUPERVISOR })
public class UnmappedResource {

    private final UnmappedDeliveries unmapped;

    public UnmappedResource(UnmappedDeliveries unmapped) {
        this.unmapped = unmapped;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signed deliveries the adapters could not map: counts per channel and reason, the latest")
    public UnmappedDeliveries.Summary unmapped() {
        return unmapped.summary();
    }
}
