package io.switchboard.adapter.store.rest;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.signature.SignedContent;
import io.switchboard.adapter.core.signature.WebhookSecret;
import io.switchboard.adapter.core.unmapped.DeliveryMapping;
import io.switchboard.adapter.core.unmapped.SignedDeliveries;
import io.switchboard.adapter.core.unmapped.SignedDelivery;
import io.switchboard.adapter.core.webhook.PublicUrl;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.store.service.StoreVisits;
import io.switchboard.adapter.store.service.TicketEvent;
import jakarta.inject.Singleton;
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

import java.util.Optional;
import java.util.Set;

/**
 * Store visits from the kiosk or desk queue system (docs/architecture.md §4). Created at start, so a missing secret
 * stops the
 * adapter there.
 */
@Path(StoreVisitResource.ENDPOINT)
@Singleton
@Startup
public class StoreVisitResource implements DeliveryMapping {

    static final String ENDPOINT = "/webhooks/store/visits";

    private final SignatureKey secret;
    private final PublicUrl publicUrl;
    private final WebhookPayloads payloads;
    private final StoreVisits visits;
    private final SignedDeliveries deliveries;

    public StoreVisitResource(@ConfigProperty(name = "switchboard.store.secret") Optional<String> secret,
            PublicUrl publicUrl, WebhookPayloads payloads, StoreVisits visits, SignedDeliveries deliveries) {
        this.secret = SignatureScheme.QMINDER.key(WebhookSecret.required(secret, "SWITCHBOARD_STORE_SECRET"));
        this.publicUrl = publicUrl;
        this.payloads = payloads;
        this.visits = visits;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "Ticket events (ticket_created, ticket_called, ticket_recalled, ticket_changed, "
            + "ticket_served, ticket_cancelled), signed X-Qminder-Signature: hex HMAC-SHA256 over the public URL "
            + "followed by the raw body")
    public Uni<Void> receive(byte[] body, @RestHeader("X-Qminder-Signature") String signature, @Context UriInfo uri) {
        secret.verify(SignedContent.urlAndBody(publicUrl.of(uri), body), signature);
        return deliveries.accept(SignedDelivery.of(ENDPOINT, body), StoreVisits.PROVIDER, this);
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(ENDPOINT);
    }

    @Override
    public Uni<Void> map(SignedDelivery delivery) {
        return visits.handle(payloads.json(delivery.body(), TicketEvent.class));
    }
}
