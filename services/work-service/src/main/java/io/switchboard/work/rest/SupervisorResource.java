package io.switchboard.work.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.repository.SupervisorRepository.WorkFilter;
import io.switchboard.work.service.AgentDirectory;
import io.switchboard.work.service.Conversation;
import io.switchboard.work.service.Supervision;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Supervisors watch agents and work, move items and take agents off duty; every move is a lifecycle event. */
@Path("/api/supervisor")
@Tag(name = "supervisor")
@RolesAllowed("supervisor")
public class SupervisorResource {

    private final Supervision supervision;
    private final AgentDirectory directory;
    private final JsonWebToken caller;
    private final Clock clock;

    public SupervisorResource(Supervision supervision, AgentDirectory directory, JsonWebToken caller, Clock clock) {
        this.supervision = supervision;
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    /** Every agent (of an office) with live state, load per channel and the items held. */
    @GET
    @Path("/agents")
    @Operation(summary = "Agents with their live state, load per channel and current items")
    public Uni<List<SupervisedAgentView>> agents(@QueryParam("office") Office office) {
        return supervision.agents(office).map(agents -> agents.stream().map(supervised -> new SupervisedAgentView(
                AgentView.of(supervised.agent()), supervised.load(), supervised.items())).toList());
    }

    /** Takes the agent off duty: what it held returns to the head of its queue. */
    @POST
    @Path("/agents/{agentId}/offline")
    @Operation(summary = "Force an agent offline; its items return to their queues")
    public Uni<AgentView> forceOffline(String agentId) {
        return directory.forceOffline(agentId, caller.getSubject()).map(AgentView::of);
    }

    /** Work items, oldest first, filtered by office, channel, state, holder, least age and flag. */
    @GET
    @Path("/work")
    @Operation(summary = "Work items filtered by office, channel, state, age and agent, a page at a time")
    public Uni<WorkPageView> work(@QueryParam("office") Office office, @QueryParam("channel") Channel channel,
            @QueryParam("state") WorkState state, @QueryParam("agentId") String agentId,
            @QueryParam("minAgeSeconds") @Min(0) Long minAgeSeconds, @QueryParam("flagged") Boolean flagged,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Instant queuedBefore = minAgeSeconds == null ? null : clock.instant().minusSeconds(minAgeSeconds);
        return supervision.work(new WorkFilter(office, channel, state, agentId, queuedBefore, flagged), page, size)
                .map(found -> new WorkPageView(found.page(), found.size(), found.total(), found.items().stream()
                        .map(item -> WorkItemView.of(new Conversation(item, null))).toList()));
    }

    /** To the named agent ({@code agentId}), or back to its queue when none is named. */
    @POST
    @Path("/work/{id}/reassign")
    @Operation(summary = "Reassign a work item to a named agent or back to its queue")
    public Uni<WorkItemView> reassign(UUID id, @Valid @NotNull ReassignRequest request) {
        Uni<Conversation> moved = request.agentId() == null ? supervision.requeue(id, caller.getSubject())
                : supervision.reassign(id, request.agentId(), caller.getSubject());
        return moved.map(WorkItemView::of);
    }

    /** @param agentId the agent to take the item; absent: back to its queue */
    public record ReassignRequest(String agentId) {
    }

    /**
     * @param load  items held per channel
     * @param items the items held, oldest reservation first
     */
    public record SupervisedAgentView(AgentView agent, Map<String, Long> load, List<UUID> items) {
    }

    public record WorkPageView(int page, int size, long total, List<WorkItemView> items) {
    }
}
