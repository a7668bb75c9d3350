package io.switchboard.work.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.work.service.AgentDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Supervisors keep agents' profiles; agents set their own status. */
@Path("/api/agents")
@Tag(name = "agents")
public class AgentResource {

    private final AgentDirectory directory;
    private final JsonWebToken caller;

    public AgentResource(AgentDirectory directory, JsonWebToken caller) {
        this.directory = directory;
        this.caller = caller;
    }

    @PUT
    @Path("/{agentId}")
    @RolesAllowed("supervisor")
    @Operation(summary = "Create or replace an agent's profile (supervisor)")
    public Uni<AgentView> register(String agentId, @Valid @NotNull AgentProfileRequest profile) {
        return directory.register(agentId, profile.name(), profile.office(), profile.skills(), profile.languages(),
                profile.regions(), profile.capacity(), profile.wrapUpSeconds(), profile.phoneAddress(), profile.desk())
                .map(AgentView::of);
    }

    /** The calling agent's own profile and status: what a client shows at sign-in and after a wrap-up. */
    @GET
    @Path("/me")
    @RolesAllowed("agent")
    @Operation(summary = "The calling agent's own profile and status")
    public Uni<AgentView> me() {
        return directory.find(caller.getSubject()).map(AgentView::of);
    }

    @GET
    @Path("/{agentId}")
    @RolesAllowed({ "supervisor", "ops" })
    @Operation(summary = "One agent's profile and status")
    public Uni<AgentView> get(String agentId) {
        return directory.find(agentId).map(AgentView::of);
    }

    @POST
    @Path("/me/status")
    @RolesAllowed("agent")
    @Operation(summary = "Set the calling agent's status (AVAILABLE, AWAY with a reason, OFFLINE)")
    public Uni<AgentView> status(@Valid @NotNull StatusRequest request) {
        return directory.changeStatus(caller.getSubject(), request.status(), request.reason()).map(AgentView::of);
    }
}
