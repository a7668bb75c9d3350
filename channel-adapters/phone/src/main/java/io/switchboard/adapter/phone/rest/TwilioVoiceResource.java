package io.switchboard.adapter.phone.rest;

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
import io.switchboard.adapter.phone.service.AgentConnections;
import io.switchboard.adapter.phone.service.DialOutcome;
import io.switchboard.adapter.phone.service.PhoneCalls;
import io.switchboard.adapter.phone.service.VoicePrompts;
import io.switchboard.adapter.phone.service.VoicePrompts.Language;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio Programmable Voice webhooks (docs/architecture.md §4). Every request is form-encoded and signed over the
 * URL Twilio
 * called plus its sorted parameters; answers are TwiML, also when a signed request cannot be mapped and is kept
 * on contacts.unmapped, so the caller is never cut off. Created at start, so a missing secret stops the adapter.
 */
@Path(TwilioVoiceResource.INCOMING)
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_XML)
@Singleton
@Startup
public class TwilioVoiceResource implements DeliveryMapping {

    static final String INCOMING = "/webhooks/twilio/voice";
    static final String GATHER = INCOMING + "/gather";
    static final String STATUS = INCOMING + "/status";
    /** The {@code <Dial action>} of a caller connected to an agent (outbound.CallConnector). */
    public static final String DIAL_STATUS = INCOMING + "/dial-status";

    private final SignatureKey authToken;
    private final VoicePrompts prompts;
    private final PublicUrl publicUrl;
    private final PhoneCalls calls;
    private final AgentConnections connections;
    private final SignedDeliveries deliveries;

    public TwilioVoiceResource(@ConfigProperty(name = "switchboard.twilio.auth-token") Optional<String> authToken,
            @ConfigProperty(name = "switchboard.phone.queue") String queue, PublicUrl publicUrl, PhoneCalls calls,
            AgentConnections connections, SignedDeliveries deliveries) {
        this.authToken = SignatureScheme.TWILIO.key(WebhookSecret.required(authToken, "SWITCHBOARD_TWILIO_AUTH_TOKEN"));
        this.prompts = new VoicePrompts(GATHER, queue, STATUS);
        this.publicUrl = publicUrl;
        this.calls = calls;
        this.connections = connections;
        this.deliveries = deliveries;
    }

    @POST
    @Operation(summary = "Incoming call: greets the caller and asks, by speech, what the call is about")
    public Uni<String> incomingCall(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Language language = calls.languageOf(verified(body, signature, uri));
        return accept(body, uri).replaceWith(prompts.greeting(language));
    }

    @POST
    @Path("/gather")
    @Operation(summary = "Speech <Gather> action: the caller's words become the contact, then the caller is queued")
    public Uni<String> speechGathered(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @RestQuery("lang") String lang, @Context UriInfo uri) {
        verified(body, signature, uri);
        return accept(body, uri).replaceWith(prompts.queued(Language.fromCode(lang)));
    }

    @POST
    @Path("/status")
    @Operation(summary = "Call status callback and <Enqueue> action: a hang-up while queued abandons the contact")
    public Uni<String> statusChanged(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        verified(body, signature, uri);
        return accept(body, uri).replaceWith(prompts.empty());
    }

    @POST
    @Path("/dial-status")
    @Operation(summary = "<Dial action> of a caller connected to an agent: whether the agent answered; a caller "
            + "the agent missed goes back in the queue")
    public Uni<String> dialEnded(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        String status = PhoneCalls.param(verified(body, signature, uri), "DialCallStatus");
        // an unknown status is kept unmapped; the caller waits on in the queue rather than being cut off
        boolean connected = DialOutcome.of(status).orElse(DialOutcome.MISSED) == DialOutcome.CONNECTED;
        return accept(body, uri).replaceWith(connected ? prompts.hangUp() : prompts.requeued());
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(INCOMING, GATHER, STATUS, DIAL_STATUS);
    }

    @Override
    public Uni<Void> map(SignedDelivery delivery) {
        Map<String, List<String>> call = WebhookPayloads.form(delivery.body());
        return switch (delivery.path()) {
            case GATHER -> calls.described(call, Language.fromCode(delivery.query("lang")));
            case STATUS -> calls.statusChanged(call);
            case DIAL_STATUS -> connections.dialEnded(call, delivery.query("replyId"));
            default -> calls.answered(call);
        };
    }

    private Uni<Void> accept(byte[] body, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        String endpoint = uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        return deliveries.accept(SignedDelivery.of(endpoint, body), PhoneCalls.PROVIDER, this);
    }

    private Map<String, List<String>> verified(byte[] body, String signature, UriInfo uri) {
        Map<String, List<String>> parameters = WebhookPayloads.form(body);
        authToken.verify(SignedContent.twilio(publicUrl.of(uri), parameters), signature);
        return parameters;
    }
}
