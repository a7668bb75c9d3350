package io.switchboard.work.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.work.model.Offer;
import io.switchboard.work.service.Offers;
import io.switchboard.work.service.Replies;
import io.switchboard.work.service.WorkLifecycle;
import io.switchboard.work.service.WorkQueue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.UUID;

/** Agents pull work and act on the items they hold. */
@Path("/api/work")
@Tag(name = "work")
public class WorkResource {

    private final WorkQueue queue;
    private final WorkLifecycle lifecycle;
    private final Replies replies;
    private final Offers offers;
    private final JsonWebToken caller;

    public WorkResource(WorkQueue queue, WorkLifecycle lifecycle, Replies replies, Offers offers,
            JsonWebToken caller) {
        this.queue = queue;
        this.lifecycle = lifecycle;
        this.replies = replies;
        this.offers = offers;
        this.caller = caller;
    }

    /**
     * 200 with the item now reserved to the caller, 204 when none came within {@code waitSeconds}. With
     * {@code accept=true} (a desktop that takes what it is given, as agents in auto-accept work) the item is
     * accepted in the same request and transaction: ACCEPTED, a call or store visit connected.
     */
    @POST
    @Path("/next")
    @RolesAllowed("agent")
    @Operation(summary = "Reserve the next best item for the calling agent (long poll up to waitSeconds); "
            + "accept=true accepts it too")
    public Uni<Response> next(@QueryParam("waitSeconds") @DefaultValue("0") @Min(0) @Max(60) int waitSeconds,
            @QueryParam("accept") @DefaultValue("false") boolean accept) {
        return queue.next(caller.getSubject(), Duration.ofSeconds(waitSeconds), accept)
                .map(conversation -> conversation == null
                        ? Response.noContent().build()
                        : Response.ok(WorkItemView.of(conversation)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "agent", "supervisor", "ops" })
    @Operation(summary = "A work item with its conversation (holder, supervisor or ops)")
    public Uni<WorkItemView> get(UUID id) {
        Caller who = Caller.of(caller);
        return lifecycle.view(id, who.id(), who.readsAll()).map(WorkItemView::of);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed("agent")
    @Operation(summary = "Accept a reserved item")
    public Uni<WorkItemView> accept(UUID id) {
        return lifecycle.accept(id, caller.getSubject()).map(WorkItemView::of);
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed("agent")
    @Operation(summary = "Complete an accepted item with its resolution")
    public Uni<WorkItemView> complete(UUID id, @Valid @NotNull CompletionRequest completion) {
        return lifecycle.complete(id, caller.getSubject(), completion.resolution(),
                completion.firstContactResolution(), completion.notes()).map(WorkItemView::of);
    }

    /**
     * The agent's "complete and take the next": one request (and one database commit) where complete, then next
     * took two. 200 in every case the completion succeeded; {@code next} is null when no item came within
     * {@code waitSeconds} or the agent is not AVAILABLE ({@code agentStatus} says which). With {@code accept=true}
     * the next item is accepted too, as {@link #next} does.
     */
    @POST
    @Path("/{id}/complete-and-next")
    @RolesAllowed("agent")
    @Operation(summary = "Complete an accepted item and reserve the caller's next one (long poll up to waitSeconds); "
            + "accept=true accepts it too")
    public Uni<HandoverView> completeAndNext(UUID id,
            @QueryParam("waitSeconds") @DefaultValue("0") @Min(0) @Max(60) int waitSeconds,
            @QueryParam("accept") @DefaultValue("false") boolean accept,
            @Valid @NotNull CompletionRequest completion) {
        return queue.completeAndNext(id, caller.getSubject(), completion.resolution(),
                completion.firstContactResolution(), completion.notes(), Duration.ofSeconds(waitSeconds), accept)
                .map(HandoverView::of);
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed("agent")
    @Operation(summary = "Give a held item back to its queue")
    public Uni<WorkItemView> release(UUID id) {
        return lifecycle.release(id, caller.getSubject()).map(WorkItemView::of);
    }

    @POST
    @Path("/{id}/escalate")
    @RolesAllowed("agent")
    @Operation(summary = "Hand a held item to the back office or the technicians, with a reason")
    public Uni<WorkItemView> escalate(UUID id, @Valid @NotNull EscalationRequest escalation) {
        return lifecycle.escalate(id, caller.getSubject(), escalation.toOffice(), escalation.reason(),
                        escalation.intent())
                .map(WorkItemView::of);
    }

    /** The holder corrects the routed class; the correction goes to the routing engine's retrain. */
    @POST
    @Path("/{id}/classification")
    @RolesAllowed("agent")
    @Operation(summary = "Correct the RST class and intent of a held item, with a reason")
    public Uni<WorkItemView> correct(UUID id, @Valid @NotNull ClassificationRequest correction) {
        return lifecycle.correct(id, caller.getSubject(), correction.rst(), correction.intent(), correction.reason())
                .map(WorkItemView::of);
    }

    /**
     * 202 with the new reply (PENDING), handed to the channel's adapter; 200 with the reply stored before under the
     * same {@code Idempotency-Key} on this item, which is not sent again.
     */
    @POST
    @Path("/{id}/replies")
    @RolesAllowed("agent")
    @Operation(summary = "Answer the customer of an accepted item (Idempotency-Key header required)")
    public Uni<Response> reply(UUID id,
            @HeaderParam("Idempotency-Key") @NotBlank(message = "is required: a new key per reply, the same on a retry")
            @Size(max = 200) String idempotencyKey,
            @Valid @NotNull ReplyRequest reply) {
        return replies.reply(id, caller.getSubject(), new Replies.Request(reply.text(), reply.attachments(),
                        reply.templateName(), reply.templateLanguage(), reply.privateReply(), idempotencyKey))
                .map(outcome -> Response.status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                        .entity(outcome.reply()).build());
    }

    /**
     * 200 with the next-best offer of the item's customer, recorded as shown to the holder (OFFER_SHOWN) the first
     * time; 204 when the customer has none. The agent's tool calls it when it shows the offer.
     */
    @POST
    @Path("/{id}/offer/shown")
    @RolesAllowed("agent")
    @Operation(summary = "Show the holder the item's next-best offer (recorded once per item)")
    public Uni<Response> offerShown(UUID id) {
        return offers.shown(id, caller.getSubject()).map(offer -> offer == null ? Response.noContent().build()
                : Response.ok(offer).build());
    }

    /** Taken once (a no may become a yes, not the other way round); the same word again changes nothing. */
    @POST
    @Path("/{id}/offer")
    @RolesAllowed("agent")
    @Operation(summary = "Record whether the customer took the item's offer, with its value and currency if so")
    public Uni<Offer> offer(UUID id, @Valid @NotNull OfferRequest decision) {
        return offers.decide(id, caller.getSubject(), decision.accepted(), decision.value(), decision.currency());
    }

    /** A technician proposes when to visit; the window is recorded on the item. */
    @POST
    @Path("/{id}/visit-window")
    @RolesAllowed("agent")
    @Operation(summary = "Propose a visit window for a technician's item")
    public Uni<WorkItemView> proposeVisit(UUID id, @Valid @NotNull VisitWindowRequest window) {
        return lifecycle.proposeVisit(id, caller.getSubject(), window.from(), window.to()).map(WorkItemView::of);
    }
}
