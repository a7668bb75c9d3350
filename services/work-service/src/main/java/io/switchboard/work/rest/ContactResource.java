package io.switchboard.work.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.service.QueueBoard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Where a waiting customer stands, for the adapter to tell them ("you are number 3, about 4 minutes"); an agent sees
 * only the contacts of items they hold.
 */
@Path("/api/contacts")
@Tag(name = "contacts")
public class ContactResource {

    private final QueueBoard board;
    private final JsonWebToken caller;

    public ContactResource(QueueBoard board, JsonWebToken caller) {
        this.board = board;
        this.caller = caller;
    }

    @GET
    @Path("/{contactId}/position")
    @RolesAllowed({ "agent", "supervisor", "ops" })
    @Operation(summary = "A waiting contact's place in its queue and expected wait")
    public Uni<PositionView> position(String contactId) {
        Caller who = Caller.of(caller);
        return board.position(contactId, who.id(), who.readsAll()).map(position -> new PositionView(position.contactId(),
                position.item().id(), position.item().state(), position.item().office(), position.item().channel(),
                position.place(), position.expectedWaitSeconds(), position.basis()));
    }

    /**
     * @param position            1 is next in line; 0 when the contact is not waiting any more
     * @param expectedWaitSeconds absent when no agent can take it now
     * @param basis               {@code recent-handling-rate} or {@code available-agents}
     */
    public record PositionView(String contactId, UUID workItemId, WorkState state, Office office, Channel channel,
            int position, Long expectedWaitSeconds, String basis) {
    }
}
