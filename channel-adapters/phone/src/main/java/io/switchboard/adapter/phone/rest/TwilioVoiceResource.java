package io.switchboard.adapter.phone.rest;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.signature.SignatureKey;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.signature.SignedContent;
import io.switchboard.adapter.core.webhook.PublicUrl;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.phone.service.PhoneCalls;
import io.switchboard.adapter.phone.service.VoicePrompts;
import io.switchboard.adapter.phone.service.VoicePrompts.Language;
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

/**
 * Twilio Programmable Voice webhooks (design §4). Every request is form-encoded and signed over the URL Twilio
 * called plus its sorted parameters; answers are TwiML.
 */
@Path("/webhooks/twilio/voice")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_XML)
public class TwilioVoiceResource {

    private static final String GATHER_ACTION = "/webhooks/twilio/voice/gather?lang=";
    private static final String STATUS_ACTION = "/webhooks/twilio/voice/status";

    private final SignatureKey authToken;
    private final String queue;
    private final PublicUrl publicUrl;
    private final PhoneCalls calls;

    public TwilioVoiceResource(@ConfigProperty(name = "switchboard.twilio.auth-token") String authToken,
            @ConfigProperty(name = "switchboard.phone.queue") String queue, PublicUrl publicUrl, PhoneCalls calls) {
        this.authToken = SignatureScheme.TWILIO.key(authToken);
        this.queue = queue;
        this.publicUrl = publicUrl;
        this.calls = calls;
    }

    @POST
    // Builds TwiML in memory: no reason to hop to a worker thread, as a String-returning method otherwise does.
    @NonBlocking
    @Operation(summary = "Incoming call: greets the caller and asks, by speech, what the call is about")
    public String incomingCall(byte[] body, @RestHeader("X-Twilio-Signature") String signature, @Context UriInfo uri) {
        Language language = calls.languageOf(verified(body, signature, uri));
        return VoicePrompts.greeting(language, GATHER_ACTION + language.code());
    }

    @POST
    @Path("/gather")
    @Operation(summary = "Speech <Gather> action: the caller's words become the contact, then the caller is queued")
    public Uni<String> speechGathered(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @RestQuery("lang") String lang, @Context UriInfo uri) {
        Language language = Language.fromCode(lang);
        return calls.described(verified(body, signature, uri), language)
                .replaceWith(VoicePrompts.queued(language, queue, STATUS_ACTION));
    }

    @POST
    @Path("/status")
    @Operation(summary = "Call status callback and <Enqueue> action: a hang-up while queued abandons the contact")
    public Uni<String> statusChanged(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        return calls.statusChanged(verified(body, signature, uri)).replaceWith(VoicePrompts.empty());
    }

    private Map<String, List<String>> verified(byte[] body, String signature, UriInfo uri) {
        Map<String, List<String>> parameters = WebhookPayloads.form(body);
        authToken.verify(SignedContent.twilio(publicUrl.of(uri), parameters), signature);
        return parameters;
    }
}
