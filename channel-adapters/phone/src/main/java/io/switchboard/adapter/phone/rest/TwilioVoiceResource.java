package io.switchboard.adapter.phone.rest;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
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
import io.switchboard.adapter.phone.hours.LineCalendar;
import io.switchboard.adapter.phone.service.AgentConnections;
import io.switchboard.adapter.phone.service.DialOutcome;
import io.switchboard.adapter.phone.service.PhoneCalls;
import io.switchboard.adapter.phone.service.VoicePrompts;
import io.switchboard.adapter.phone.service.VoicePrompts.Language;
import io.switchboard.adapter.phone.survey.CallSurveys;
import io.switchboard.adapter.phone.survey.SurveyCall;
import io.switchboard.adapter.phone.survey.SurveyPrompts;
import io.switchboard.adapter.phone.survey.SurveyScore;
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
 * URL Twilio called plus its sorted parameters; answers are TwiML, also when a signed request cannot be mapped and
 * is kept on contacts.unmapped, so the caller is never cut off. Created at start, so a missing secret stops the
 * adapter. Answers that are the same for every call are rendered at start and given from the event loop; the few
 * that carry a time or a survey's texts are rendered per call on a worker thread ({@code @Blocking}).
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
    static final String CALLBACK = INCOMING + "/callback";
    /** The {@code <Dial action>} of a caller connected to an agent (outbound.CallConnector). */
    public static final String DIAL_STATUS = INCOMING + "/dial-status";
    static final String SURVEY = INCOMING + "/survey";
    static final String SURVEY_COMMENT = SURVEY + "/comment";

    private final SignatureKey authToken;
    private final VoicePrompts prompts;
    private final PublicUrl publicUrl;
    private final LineCalendar calendar;
    private final PhoneCalls calls;
    private final AgentConnections connections;
    private final CallSurveys surveys;
    private final SignedDeliveries deliveries;

    public TwilioVoiceResource(@ConfigProperty(name = "switchboard.twilio.auth-token") Optional<String> authToken,
            @ConfigProperty(name = "switchboard.phone.queue") String queue, PublicUrl publicUrl, LineCalendar calendar,
            PhoneCalls calls, AgentConnections connections, CallSurveys surveys, SignedDeliveries deliveries) {
        this.authToken = SignatureScheme.TWILIO.key(WebhookSecret.required(authToken, "SWITCHBOARD_TWILIO_AUTH_TOKEN"));
        this.prompts = new VoicePrompts(GATHER, queue, STATUS, CALLBACK);
        this.publicUrl = publicUrl;
        this.calendar = calendar;
        this.calls = calls;
        this.connections = connections;
        this.surveys = surveys;
        this.deliveries = deliveries;
    }

    @POST
    @Operation(summary = "Incoming call: greets the caller and asks, by speech, what the call is about; outside "
            + "business hours says the line is closed and offers a callback")
    public Uni<String> incomingCall(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, List<String>> call = verified(body, signature, uri);
        Language language = calls.languageOf(call);
        return calendar.now().chain(hours -> accept(body, uri).replaceWith(hours.open() ? prompts.greeting(language)
                : prompts.closed(language, calls.callbackPossible(call))));
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
    @Path("/callback")
    @Blocking // the answer names the opening time, rendered per call
    @Operation(summary = "Keypad <Gather> action outside business hours: 1 queues a callback request and says when "
            + "the line opens; any other key ends the call")
    public Uni<String> callbackChosen(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @RestQuery("lang") String lang, @Context UriInfo uri) {
        boolean chosen = PhoneCalls.CALLBACK_KEY.equals(PhoneCalls.param(verified(body, signature, uri), "Digits"));
        Language language = Language.fromCode(lang);
        return accept(body, uri).chain(() -> chosen
                ? calendar.now().map(hours -> VoicePrompts.callbackConfirmed(language, hours.opens()))
                : Uni.createFrom().item(prompts.goodbye(language)));
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
    @Blocking // a survey's question is rendered per call
    @Operation(summary = "<Dial action> of a caller connected to an agent: whether the agent answered; a caller "
            + "the agent missed goes back in the queue, one the agent hung up on hears the survey if one is due")
    public Uni<String> dialEnded(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, List<String>> call = verified(body, signature, uri);
        // an unknown status is kept unmapped; the caller waits on in the queue rather than being cut off
        boolean connected = DialOutcome.of(PhoneCalls.param(call, "DialCallStatus")).orElse(DialOutcome.MISSED)
                == DialOutcome.CONNECTED;
        // after a bridged call Twilio reports the caller's own leg: in-progress means the agent hung up first
        boolean callerOnTheLine = "in-progress".equals(PhoneCalls.param(call, "CallStatus"));
        Optional<SurveyCall> survey = SurveyCall.from(delivery(body, uri)::query);
        return accept(body, uri).replaceWith(() -> !connected ? prompts.requeued()
                : survey.filter(due -> callerOnTheLine)
                        .map(due -> SurveyPrompts.question(due, SURVEY, 1)).orElse(prompts.hangUp()));
    }

    @POST
    @Path("/survey")
    @Blocking // the survey's texts differ per call
    @Operation(summary = "Post-call survey <Gather> action: the score pressed or said (0–10) goes to "
            + "contacts.feedback, then the comment is asked for; no score: asked once more, then thanks")
    public Uni<String> surveyAnswered(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @RestQuery("attempt") Integer attempt, @Context UriInfo uri) {
        Map<String, List<String>> call = verified(body, signature, uri);
        Optional<Integer> score = SurveyScore.of(PhoneCalls.param(call, "Digits"),
                PhoneCalls.param(call, "SpeechResult"));
        // a URL without a survey is kept unmapped; the caller is not left hanging on it
        return accept(body, uri).replaceWith(() -> SurveyCall.from(delivery(body, uri)::query)
                .map(survey -> afterScore(survey, score, attempt == null ? 1 : attempt))
                .orElse(prompts.hangUp()));
    }

    /** The comment prompt after a score; after an answer that was none, the question once more, then the thanks. */
    private static String afterScore(SurveyCall survey, Optional<Integer> score, int attempt) {
        if (score.isPresent()) {
            return SurveyPrompts.comment(survey, SURVEY_COMMENT, score.get());
        }
        return attempt < SurveyPrompts.ATTEMPTS ? SurveyPrompts.question(survey, SURVEY, attempt + 1)
                : SurveyPrompts.thanks(survey);
    }

    @POST
    @Path("/survey/comment")
    @Blocking // the survey's texts differ per call
    @Operation(summary = "Post-call survey comment <Gather> action: the caller's words go to contacts.feedback with "
            + "the score, then thanks")
    public Uni<String> surveyCommented(byte[] body, @RestHeader("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        verified(body, signature, uri);
        return accept(body, uri).replaceWith(() -> SurveyCall.from(delivery(body, uri)::query)
                .map(SurveyPrompts::thanks).orElse(prompts.hangUp()));
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(INCOMING, GATHER, STATUS, CALLBACK, DIAL_STATUS, SURVEY, SURVEY_COMMENT);
    }

    @Override
    public Uni<Void> map(SignedDelivery delivery) {
        Map<String, List<String>> call = WebhookPayloads.form(delivery.body());
        return switch (delivery.path()) {
            case GATHER -> calls.described(call, Language.fromCode(delivery.query("lang")));
            case STATUS -> calls.statusChanged(call);
            case CALLBACK -> calls.callbackChosen(call, Language.fromCode(delivery.query("lang")));
            case DIAL_STATUS -> connections.dialEnded(call, delivery.query("replyId"));
            case SURVEY -> surveys.scored(call, delivery.query("surveyId"));
            case SURVEY_COMMENT -> surveys.commented(call, delivery.query("surveyId"), delivery.query("score"));
            default -> calls.answered(call);
        };
    }

    private Uni<Void> accept(byte[] body, UriInfo uri) {
        return deliveries.accept(delivery(body, uri), PhoneCalls.PROVIDER, this);
    }

    private static SignedDelivery delivery(byte[] body, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return SignedDelivery.of(uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query), body);
    }

    private Map<String, List<String>> verified(byte[] body, String signature, UriInfo uri) {
        Map<String, List<String>> parameters = WebhookPayloads.form(body);
        authToken.verify(SignedContent.twilio(publicUrl.of(uri), parameters), signature);
        return parameters;
    }
}
