package io.switchboard.adapter.phone.outbound;

import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.phone.rest.TwilioVoiceResource;
import io.switchboard.adapter.phone.service.PhoneCalls;
import io.switchboard.adapter.phone.service.VoicePrompts;
import io.switchboard.adapter.phone.survey.SurveyCall;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Connects the waiting caller to the agent who accepted the phone item: the queued call gets new TwiML, a
 * {@code <Dial>} to the agent's address whose {@code action} reports back whether the agent answered
 * (dial-status webhook). Twilio's idempotency token is the reply id, so a retried request redirects once. A
 * {@code CONNECT} that carries a survey puts it in the action URL: the dial-status webhook asks it when the agent
 * hangs up.
 */
@ApplicationScoped
public class CallConnector implements OutboundSender {

    private static final Logger LOG = Logger.getLogger(CallConnector.class);
    /** Twilio refuses a call update whose TwiML is longer (error 32018). */
    static final int TWIML_LIMIT = 4000;

    private final TwilioCalls twilio;
    private final Optional<String> accountSid;
    private final Optional<String> authToken;
    private final Optional<String> publicUrl;

    public CallConnector(@RestClient TwilioCalls twilio,
            @ConfigProperty(name = "switchboard.twilio.account-sid") Optional<String> accountSid,
            @ConfigProperty(name = "switchboard.twilio.auth-token") Optional<String> authToken,
            @ConfigProperty(name = "switchboard.public-url") Optional<String> publicUrl) {
        this.twilio = twilio;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.publicUrl = publicUrl;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        return message.channel() == Channel.PHONE;
    }

    @Override
    public String send(OutboundMessage message) {
        if (message.kind() != OutboundKind.CONNECT) {
            throw ProviderException.undeliverable("a phone call has no text channel: a written reply cannot reach "
                    + "the caller; call back or answer on another channel");
        }
        String callSid = callOf(message);
        String twiml = dialTwiml(message);
        String account = required(accountSid, "SWITCHBOARD_TWILIO_ACCOUNT_SID");
        String basic = Base64.getEncoder().encodeToString((account + ':' + required(authToken,
                "SWITCHBOARD_TWILIO_AUTH_TOKEN")).getBytes(StandardCharsets.UTF_8));
        try {
            return twilio.update(account, callSid, "Basic " + basic, message.replyId(), twiml).sid();
        } catch (ProcessingException e) {
            throw ProviderException.ofTransportFailure(e);
        }
    }

    private static String callOf(OutboundMessage message) {
        if (message.replyTo() == null || !PhoneCalls.PROVIDER.equals(message.replyTo().provider())
                || message.replyTo().providerMessageId() == null) {
            throw ProviderException.undeliverable("no Twilio call to connect: the item's latest contact is no call");
        }
        return message.replyTo().providerMessageId();
    }

    private String dialTwiml(OutboundMessage message) {
        String base = required(publicUrl, "SWITCHBOARD_PUBLIC_URL (Twilio needs an absolute <Dial action> URL)");
        String action = URI.create(base).resolve(TwilioVoiceResource.DIAL_STATUS + "?replyId="
                + URLEncoder.encode(message.replyId(), StandardCharsets.UTF_8)).toString();
        if (message.agentAddress() == null) {
            throw ProviderException.undeliverable("agent " + message.agentId() + " has no address to connect the "
                    + "caller to");
        }
        try {
            if (message.survey() != null) {
                String surveyed = VoicePrompts.connect(message.agentAddress(),
                        action + "&" + SurveyCall.of(message.survey()).query());
                if (surveyed.length() <= TWIML_LIMIT) {
                    return surveyed;
                }
                // connecting the caller matters more than the survey (and SURVEY_SENT counts it as not answered)
                LOG.warnf("Survey %s left out of reply %s: its texts make the TwiML longer than Twilio's %d characters",
                        message.survey().surveyId(), message.replyId(), TWIML_LIMIT);
            }
            return VoicePrompts.connect(message.agentAddress(), action);
        } catch (IllegalArgumentException e) {
            throw ProviderException.undeliverable(e.getMessage());
        }
    }

    private static String required(Optional<String> value, String variable) {
        return value.filter(v -> !v.isBlank())
                .orElseThrow(() -> ProviderException.undeliverable(variable + " is not set"));
    }
}
