package io.switchboard.work.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.service.CustomerTimeline;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One customer across channels: their timeline, explicit links between their keys, and profiles from CSV. */
@Path("/api/customers")
@Tag(name = "customers")
public class CustomerResource {

    private final CustomerTimeline timeline;
    private final JsonWebToken caller;

    public CustomerResource(CustomerTimeline timeline, JsonWebToken caller) {
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @Path("/{customerKey}/timeline")
    @RolesAllowed({ "agent", "supervisor", "ops" })
    @Operation(summary = "A customer's contacts on every channel, profile and next-best offer")
    public Uni<TimelineView> timeline(String customerKey) {
        Caller who = Caller.of(caller);
        return timeline.of(customerKey, who.id(), who.readsAll()).map(found -> new TimelineView(found.customerKey(), found.keys(),
                found.profile() == null ? null : new ProfileView(found.profile().customerKey, found.profile().name,
                        found.profile().segment, found.profile().products),
                found.offer() == null ? null : new OfferView(found.offer().product(), found.offer().share(),
                        found.offer().reason()),
                found.contacts().stream().map(ContactView::of).toList()));
    }

    @PUT
    @Path("/{customerKey}/links/{linkedKey}")
    @RolesAllowed("supervisor")
    @Operation(summary = "Link two customer keys of one person (supervisor)")
    public Uni<Response> link(String customerKey, String linkedKey) {
        return timeline.link(customerKey, linkedKey).replaceWith(Response.noContent().build());
    }

    /** CSV with the header {@code customerKey,name,segment,products} ({@link CustomerProfileCsv}). */
    @POST
    @Path("/profiles")
    @Consumes("text/csv")
    @RolesAllowed("supervisor")
    @Operation(summary = "Import customer profiles from CSV (supervisor)")
    public Uni<ImportView> importProfiles(String csv) {
        return timeline.importProfiles(CustomerProfileCsv.parse(csv)).map(ImportView::new);
    }

    public record TimelineView(String customerKey, Collection<String> keys, ProfileView profile,
            OfferView nextBestOffer, List<ContactView> contacts) {
    }

    public record ProfileView(String customerKey, String name, String segment, List<String> products) {
    }

    public record OfferView(String product, double share, String reason) {
    }

    public record ImportView(int imported) {
    }

    public record ContactView(UUID workItemId, String contactId, String customerKey, Channel channel, Intent intent,
            Office office, WorkState state, Instant queuedAt, Instant completedAt, String resolution) {
        static ContactView of(WorkItem item) {
            return new ContactView(item.id(), item.contactId(), item.customerKey(), item.channel(), item.intent(), item.office(),
                    item.state(), item.queuedAt(), item.completedAt(), item.resolution());
        }
    }
}
