package io.switchboard.routing.rest;

import io.switchboard.routing.policy.RoutingRules;
import io.switchboard.routing.policy.RoutingRulesStore;
import io.switchboard.routing.policy.RoutingRulesStore.ReloadFailure;
import io.switchboard.routing.policy.RuleSet;
import io.switchboard.routing.service.ContactRouter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

@Path("/api/routing")
@Tag(name = "Routing")
// Operations staff tune the rules; supervisors may look too. Both endpoints only read (classify is a dry run).
@RolesAllowed({ "ops", "supervisor" })
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    private final ContactRouter router;
    private final RoutingRulesStore rules;

    public RoutingResource(ContactRouter router, RoutingRulesStore rules) {
        this.router = router;
        this.rules = rules;
    }

    @POST
    @Path("/classify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Classify a contact and show the routing decision with its explanation; publishes nothing")
    public ClassifyResponse classify(@NotNull(message = "a contact body is required") @Valid ClassifyRequest request) {
        return ClassifyResponse.of(router.dryRun(request.toContact()));
    }

    @GET
    @Path("/rules")
    @Operation(summary = "The active rule set, where it came from, and why a newer file was refused, if it was")
    public ActiveRules activeRules() {
        RuleSet current = rules.current();
        return new ActiveRules(current.source(), current.version(), current.loadedAt(),
                rules.lastFailure().orElse(null), current.rules());
    }

    /** The active rule set as operators see it. */
    public record ActiveRules(String source, String version, Instant loadedAt, ReloadFailure refusedChange,
            RoutingRules rules) {
    }
}
