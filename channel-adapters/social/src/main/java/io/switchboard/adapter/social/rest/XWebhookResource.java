package io.switchboard.adapter.social.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.signature.WebhookSecret;
import io.switchboard.adapter.core.survey.SurveyResponses;
import io.switchboard.adapter.core.unmapped.DeliveryMapping;
import io.switchboard.adapter.core.unmapped.SignedDeliveries;
import io.switchboard.adapter.core.unmapped.SignedDelivery;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.social.service.SocialContacts;
import io.switchboard.adapter.social.service.SocialReceipts;
import io.switchboard.adapter.social.service.SurveyAnswers;
import io.switchboard.adapter.social.service.XActivity;
import jakarta.inject.Singleton;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * X Account Activity API webhooks (docs/architecture.md §4). Created at start, so a missing secret stops the adapter
 * there.
 */
@Path(XWebhookResource.ENDPOINT)
@Singleton
@Startup
public class XWebhookResource implements DeliveryMapping {

    static final String ENDPOINT = "/webhooks/x";
    /**
     * The CRC answer is the HMAC the POST signature uses, so answering any string would sign any body. X's tokens
     * are short URL-safe strings; a webhook body is JSON and never fits this.
     */
    static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9_=.~-]{1,64}");

    private final SignatureKey consumerSecret;
    private final WebhookPayloads payloads;
    private final SocialContacts contacts;
    private final ContactPublisher publisher;
    private final SignedDeliveries deliveries;
    private final SocialReceipts receipts;
    private final SurveyAnswers surveyAnswers;
    private final SurveyResponses feedback;

    public XWebhookResource(@ConfigProperty(name = "switchboard.x.consumer-secret") Optional<String> consumerSecret,
            WebhookPayloads payloads, SocialContacts contacts, ContactPublisher publisher, SignedDeliveries deliveries,
            SocialReceipts receipts, SurveyAnswers surveyAnswers, SurveyResponses feedback) {
        this.consumerSecret = SignatureScheme.X.key(WebhookSecret.required(consumerSecret, "SWITCHBOARD_X_CONSUMER_SECRET"));
        this.payloads = payloads;
        this.contacts = contacts;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.receipts = receipts;
        this.surveyAnswers = surveyAnswers;
        this.feedback = feedback;
    }

    /** The challenge-response check X makes on registration and hourly after. */
    public record CrcResponse(@JsonProperty("response_token") String responseToken) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "CRC challenge: answers sha256=base64(HMAC-SHA256(consumer secret, crc_token)) for a token "
            + "shaped like X's (at most 64 URL-safe characters); anything else is refused with 400")
    public CrcResponse crc(@RestQuery("crc_token") String crcToken) {
        if (crcToken == null || !CRC_TOKEN.matcher(crcToken).matches()) {
            throw WebhookRejectedException.malformed("crc_token must be 1 to 64 URL-safe characters ([A-Za-z0-9_=.~-])");
        }
        return new CrcResponse(consumerSecret.sign(crcToken.getBytes(StandardCharsets.UTF_8)));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(200)
    @Operation(summary = "Account activity (mentions, replies, direct messages, survey answers, read receipts of our "
            + "replies), signed x-twitter-webhooks-signature")
    public Uni<Void> receive(byte[] body, @RestHeader("x-twitter-webhooks-signature") String signature) {
        consumerSecret.verify(body, signature);
        return deliveries.accept(SignedDelivery.of(ENDPOINT, body), "x", this);
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(ENDPOINT);
    }

    @Override
    public Uni<Void> map(SignedDelivery delivery) {
        XActivity activity = payloads.json(delivery.body(), XActivity.class);
        // All are mapped before anything is published: an unmappable event keeps the whole delivery unmapped.
        Uni<Void> contactsPublished = publisher.publishAll(contacts.fromX(activity));
        Uni<Void> answersPublished = feedback.publishAll(surveyAnswers.fromX(activity));
        Uni<Void> receiptsPublished = receipts.publish(activity);
        return contactsPublished.chain(() -> answersPublished).chain(() -> receiptsPublished);
    }
}
