package io.switchboard.adapter.social.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.social.service.SocialContacts;
import io.switchboard.adapter.social.service.XActivity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import java.nio.charset.StandardCharsets;

/** X Account Activity API webhooks (design §4). */
@Path("/webhooks/x")
public class XWebhookResource {

    private final SignatureKey consumerSecret;
    private final WebhookPayloads payloads;
    private final SocialContacts contacts;
    private final ContactPublisher publisher;

    public XWebhookResource(@ConfigProperty(name = "switchboard.x.consumer-secret") String consumerSecret,
            WebhookPayloads payloads, SocialContacts contacts, ContactPublisher publisher) {
        this.consumerSecret = SignatureScheme.X.key(consumerSecret);
        this.payloads = payloads;
        this.contacts = contacts;
        this.publisher = publisher;
    }

    /** The challenge-response check X makes on registration and hourly after. */
    public record CrcResponse(@JsonProperty("response_token") String responseToken) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "CRC challenge: answers sha256=base64(HMAC-SHA256(consumer secret, crc_token))")
    public CrcResponse crc(@RestQuery("crc_token") String crcToken) {
        WebhookPayloads.require(crcToken, "crc_token");
        return new CrcResponse(consumerSecret.sign(crcToken.getBytes(StandardCharsets.UTF_8)));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "Account activity (mentions, replies, direct messages), signed x-twitter-webhooks-signature")
    public Uni<Void> receive(byte[] body, @RestHeader("x-twitter-webhooks-signature") String signature) {
        consumerSecret.verify(body, signature);
        return publisher.publishAll(contacts.fromX(payloads.json(body, XActivity.class)));
    }
}
