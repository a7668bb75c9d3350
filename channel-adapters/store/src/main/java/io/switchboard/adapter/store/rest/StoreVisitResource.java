package io.switchboard.adapter.store.rest;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.signature.SignedContent;
import io.switchboard.adapter.core.webhook.PublicUrl;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.store.service.StoreVisits;
import io.switchboard.adapter.store.service.TicketEvent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

/** Store visits from the kiosk or desk queue system (design §4). */
@Path("/webhooks/store/visits")
public class StoreVisitResource {

    private final SignatureKey secret;
    private final PublicUrl publicUrl;
    private final WebhookPayloads payloads;
    private final StoreVisits visits;

    public StoreVisitResource(@ConfigProperty(name = "switchboard.store.secret") String secret, PublicUrl publicUrl,
            WebhookPayloads payloads, StoreVisits visits) {
        this.secret = SignatureScheme.QMINDER.key(secret);
        this.publicUrl = publicUrl;
        this.payloads = payloads;
        this.visits = visits;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "Ticket events (ticket_created, ticket_called, ticket_served, ticket_cancelled), signed "
            + "X-Qminder-Signature: hex HMAC-SHA256 over the public URL followed by the raw body")
    public Uni<Void> receive(byte[] body, @RestHeader("X-Qminder-Signature") String signature, @Context UriInfo uri) {
        secret.verify(SignedContent.urlAndBody(publicUrl.of(uri), body), signature);
        return visits.handle(payloads.json(body, TicketEvent.class));
    }
}
