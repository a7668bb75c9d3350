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
    public Uni<AgentView> register(String agentId, @Valid @NotNull AgentProfileRequest profile) {
        return directory.register(agentId, profile.name(), profile.office(), profile.skills(), profile.languages(),
                profile.regions(), profile.capacity(), profile.wrapUpSeconds()).map(AgentView::of);
    }

    @GET
    @Path("/{agentId}")
    @RolesAllowed({ "supervisor", "ops" })
    public Uni<AgentView> get(String agentId) {
        return directory.find(agentId).map(AgentView::of);
    }

    @POST
    @Path("/me/status")
    @RolesAllowed("agent")
    public Uni<AgentView> status(@Valid @NotNull StatusRequest request) {
        return directory.changeStatus(caller.getSubject(), request.status(), request.reason()).map(AgentView::of);
    }
}
