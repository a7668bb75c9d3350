package io.switchboard.adapter.webshop.rest;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.customer.CustomerKeys;
import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.signature.WebhookSecret;
import io.switchboard.adapter.core.unmapped.DeliveryMapping;
import io.switchboard.adapter.core.unmapped.SignedDeliveries;
import io.switchboard.adapter.core.unmapped.SignedDelivery;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.webshop.service.ContactForm;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * The shop's own contact form and order questions (docs/architecture.md §4, docs/channels.md). Created at start, so
 * a missing
 * secret stops the adapter there.
 */
@Path(ContactFormResource.ENDPOINT)
@Singleton
@Startup
public class ContactFormResource implements DeliveryMapping {

    static final String ENDPOINT = "/webhooks/webshop/contact";
    public static final String PROVIDER = "webshop-form";

    private final SignatureKey secret;
    private final WebhookPayloads payloads;
    private final CustomerKeys customerKeys;
    private final ContactPublisher publisher;
    private final SignedDeliveries deliveries;

    public ContactFormResource(@ConfigProperty(name = "switchboard.webshop.secret") Optional<String> secret,
            WebhookPayloads payloads, CustomerKeys customerKeys, ContactPublisher publisher,
            SignedDeliveries deliveries) {
        this.secret = SignatureScheme.SWITCHBOARD.key(WebhookSecret.required(secret, "SWITCHBOARD_WEBSHOP_SECRET"));
        this.payloads = payloads;
        this.customerKeys = customerKeys;
        this.publisher = publisher;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "A contact form submission, signed X-Switchboard-Signature: sha256=<hex HMAC-SHA256 of the body>")
    public Uni<Void> receive(byte[] body, @RestHeader("X-Switchboard-Signature") String signature) {
        secret.verify(body, signature);
        return deliveries.accept(SignedDelivery.of(ENDPOINT, body), PROVIDER, this);
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(ENDPOINT);
    }

    @Override
    public Uni<Void> map(SignedDelivery delivery) {
        ContactForm form = payloads.json(delivery.body(), ContactForm.class);
        Map<String, String> metadata = new HashMap<>();
        if (form.orderNumber() != null) {
            metadata.put("orderNumber", form.orderNumber());
        }
        if (form.subject() != null) {
            metadata.put("subject", form.subject());
        }
        // where the reply goes (outbound.ReplyMail), also when the customer is known by phone
        CustomerKeys.email(form.email()).ifPresent(email -> metadata.put("email", email));
        ContactReceived contact = ContactReceived.of(Channel.WEBSHOP, PROVIDER,
                require(form.messageId(), "messageId"), Instant.now(),
                customerKeys.byPhoneOrEmail(form.phone(), form.email(), form.name()),
                require(form.message(), "message"), form.language(), false, List.of(), metadata);
        return publisher.publish(contact);
    }
}
