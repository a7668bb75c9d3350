package io.switchboard.work.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;

/** The retention of message text: its period and last run, and a run on demand (supervisors). */
@Path("/api/privacy/retention")
@Tag(name = "privacy")
@RolesAllowed("supervisor")
public class RetentionResource {

    private final MessageRetention retention;
    private final AuditLog audit;
    private final PrivacySettings settings;
    private final JsonWebToken caller;

    public RetentionResource(MessageRetention retention, AuditLog audit, PrivacySettings settings,
            JsonWebToken caller) {
        this.retention = retention;
        this.audit = audit;
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The retention period of message text, the schedule and the last run")
    public Uni<RetentionView> view() {
        return audit.latest(MessageRetention.ACTION)
                .map(last -> new RetentionView(iso(settings.messageRetention()), settings.retentionSchedule(),
                        last.orElse(null)));
    }

    @POST
    @Operation(summary = "Remove message text older than the retention period now")
    public Uni<Response> run() {
        return retention.expire(caller.getSubject()).map(run -> run
                .map(entry -> Response.ok(entry).build())
                .orElseThrow(() -> new WebApplicationException(
                        "a retention run is under way on another instance", Response.Status.CONFLICT)));
    }

    /** A period as configured: P365D rather than Duration's PT8760H. */
    private static String iso(Duration period) {
        return period.toSeconds() % 86_400 == 0 ? "P" + period.toDays() + "D" : period.toString();
    }

    /**
     * @param messageRetention ISO-8601, e.g. P365D
     * @param lastRun          the latest run's audit entry: when, by whom, the cut-off and what it removed
     */
    public record RetentionView(String messageRetention, String schedule, AuditEntry lastRun) {
    }
}
