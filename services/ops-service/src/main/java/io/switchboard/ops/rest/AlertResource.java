package io.switchboard.ops.rest;

import io.switchboard.contracts.Alert;
import io.switchboard.ops.alerts.AlertBook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/alerts")
@RolesAllowed({ Groups.OPS, Groups.SUPERVISOR })
public class AlertResource {

    /** The alerts raised now, and the most recently cleared ones (newest first). */
    public record Alerts(List<Alert> active, List<Alert> cleared) {
    }

    private final AlertBook book;

    public AlertResource(AlertBook book) {
        this.book = book;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raised alerts (complaint surge, service level, queue age) and the last cleared ones")
    public Alerts alerts() {
        return new Alerts(book.active(), book.cleared());
    }
}
