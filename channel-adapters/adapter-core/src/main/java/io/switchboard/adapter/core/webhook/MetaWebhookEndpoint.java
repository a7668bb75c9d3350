package io.switchboard.adapter.core.webhook;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.unmapped.DeliveryMapping;
import io.switchboard.adapter.core.unmapped.SignedDelivery;
import io.switchboard.adapter.core.unmapped.SignedDeliveries;
import io.switchboard.contracts.ContactReceived;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * What every Meta webhook (WhatsApp Cloud API, page feed, Messenger, Instagram) shares: the subscription
 * handshake on GET, and on POST the {@code X-Hub-Signature-256} over the raw body with the app secret, then
 * every contact and delivery status of the (batch) notification published before the 200 — or, when the
 * notification cannot be mapped, the delivery kept on contacts.unmapped. A channel's resource extends it with its
 * {@code @Path} and says which contacts (and, overriding {@link #publishStatuses}, which statuses) a notification
 * holds.
 *
 * @param <T> the channel's notification type
 */
public abstract class MetaWebhookEndpoint<T> implements DeliveryMapping {

    private final String endpoint;
    private final String provider;
    private final SignatureKey appSecret;
    private final String verifyToken;
    private final Class<T> notificationType;
    private final WebhookPayloads payloads;
    private final ContactPublisher publisher;
    private final SignedDeliveries deliveries;

    protected MetaWebhookEndpoint(String endpoint, String provider, String appSecret, String verifyToken,
            Class<T> notificationType, WebhookPayloads payloads, ContactPublisher publisher, SignedDeliveries deliveries) {
        this.endpoint = endpoint;
        this.provider = provider;
        this.appSecret = SignatureScheme.META.key(appSecret);
        this.verifyToken = verifyToken;
        this.notificationType = notificationType;
        this.payloads = payloads;
        this.publisher = publisher;
        this.deliveries = deliveries;
    }

    /** The contacts in a verified notification; statuses, receipts and echoes are only counted. */
    protected abstract List<ContactReceived> contactsOf(T notification);

    /** {@code GET ?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C}: echoes C only for the configured T. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's subscription handshake: echoes hub.challenge when hub.verify_token matches")
    public String verify(@RestQuery("hub.mode") String mode, @RestQuery("hub.verify_token") String token,
            @RestQuery("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode)) {
            throw WebhookRejectedException.verificationFailed("hub.mode must be 'subscribe'");
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                verifyToken.getBytes(StandardCharsets.UTF_8))) {
            throw WebhookRejectedException.verificationFailed("hub.verify_token does not match the configured token");
        }
        if (challenge == null || challenge.isBlank()) {
            throw WebhookRejectedException.malformed("hub.challenge is missing");
        }
        return challenge;
    }

    /** The signature covers the raw bytes, so the body is taken as bytes and parsed only once it is verified. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "Notifications signed X-Hub-Signature-256; 200 once every contact in them, or the "
            + "unmappable notification itself, is stored in Kafka")
    public Uni<Void> receive(byte[] body, @RestHeader("X-Hub-Signature-256") String signature) {
        appSecret.verify(body, signature);
        return deliveries.accept(SignedDelivery.of(endpoint, body), provider, this);
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(endpoint);
    }

    /**
     * Publishes the delivery statuses of Switchboard's own messages in a verified notification (read receipts,
     * failures) with {@code DeliveryStatusPublisher.providerReported}; none by default. Called before anything is
     * published, so it maps eagerly and throws for what cannot be mapped; the returned Uni does the publishing.
     *
     * @return completes once Kafka acknowledged every status
     */
    protected Uni<Void> publishStatuses(T notification) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> map(SignedDelivery delivery) {
        T notification = payloads.json(delivery.body(), notificationType);
        // Both are mapped before anything is published: an unmappable status keeps the whole delivery unmapped.
        Uni<Void> contacts = publisher.publishAll(contactsOf(notification));
        Uni<Void> statuses = publishStatuses(notification);
        return contacts.chain(() -> statuses);
    }
}
