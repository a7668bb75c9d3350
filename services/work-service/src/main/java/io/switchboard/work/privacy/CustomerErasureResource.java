package io.switchboard.work.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's erasure on their request (GDPR art. 17), by a supervisor: next to the customer's timeline. */
@Path("/api/customers")
@Tag(name = "privacy")
public class CustomerErasureResource {

    private final CustomerErasure erasure;
    private final JsonWebToken caller;

    public CustomerErasureResource(CustomerErasure erasure, JsonWebToken caller) {
        this.erasure = erasure;
        this.caller = caller;
    }

    @DELETE
    @Path("/{customerKey}")
    @RolesAllowed("supervisor")
    @Operation(summary = "Erase a customer and every key linked to them; the aggregate facts stay (supervisor)")
    public Uni<AuditEntry> erase(String customerKey) {
        return erasure.erase(customerKey, caller.getSubject());
    }
}
