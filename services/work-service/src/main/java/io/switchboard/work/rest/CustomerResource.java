package io.switchboard.work.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.work.model.CustomerProfile;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.service.CustomerTimeline;
import io.switchboard.work.service.WorkRequestRejected;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One customer across channels: their timeline, explicit links between their keys, and profiles from CSV. */
@Path("/api/customers")
@Tag(name = "customers")
public class CustomerResource {

    private static final String CSV_HEADER = "customerKey,name,segment,products";

    private final CustomerTimeline timeline;
    private final JsonWebToken caller;

    public CustomerResource(CustomerTimeline timeline, JsonWebToken caller) {
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @Path("/{customerKey}/timeline")
    @RolesAllowed({ "agent", "supervisor", "ops" })
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
    public Uni<Response> link(String customerKey, String linkedKey) {
        return timeline.link(customerKey, linkedKey).replaceWith(Response.noContent().build());
    }

    /** CSV with the header {@code customerKey,name,segment,products}; products separated by {@code ;}. */
    @POST
    @Path("/profiles")
    @Consumes("text/csv")
    @RolesAllowed("supervisor")
    public Uni<ImportView> importProfiles(String csv) {
        return timeline.importProfiles(parse(csv)).map(ImportView::new);
    }

    static List<CustomerProfile> parse(String csv) {
        List<String> lines = csv == null ? List.of() : csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).trim().equals(CSV_HEADER)) {
            throw WorkRequestRejected.invalid("the first line must be the header " + CSV_HEADER);
        }
        List<CustomerProfile> profiles = new ArrayList<>();
        for (int number = 2; number <= lines.size(); number++) {
            String[] fields = lines.get(number - 1).split(",", -1);
            if (fields.length != 4 || fields[0].isBlank() || fields[2].isBlank()) {
                throw WorkRequestRejected.invalid("line " + number + " needs customerKey, name, segment, products");
            }
            CustomerProfile profile = new CustomerProfile();
            profile.customerKey = fields[0].trim();
            profile.name = fields[1].trim();
            profile.segment = fields[2].trim();
            profile.products = Arrays.stream(fields[3].split(";")).map(String::trim).filter(p -> !p.isEmpty()).toList();
            profiles.add(profile);
        }
        return profiles;
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
