package io.switchboard.adapter.phone.outbound;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.phone.outbound.TwilioApiResource.InjectTwilioApi;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.SurveyQuestion;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToXml;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connecting a waiting caller to the agent, end to end on the real broker: a {@code CONNECT} on
 * {@code contacts.outbound} becomes Twilio's call update at a WireMock stand-in for its REST API, and the outcome a
 * {@code ReplyStatus} on {@code contacts.delivery}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(TwilioApiResource.class)
class CallConnectorTest extends BrokerTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    private static final String BASIC_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString((ACCOUNT_SID + ":local-twilio-auth-token").getBytes(StandardCharsets.UTF_8));
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @InjectTwilioApi
    WireMockServer twilio;


    @Test
    void theQueuedCallIsRedirectedToTheAgentsClientWithADialThatReportsBack() {
        OutboundMessage connect = connect("client:anna");
        String callSid = connect.replyTo().providerMessageId();
        twilio.stubFor(post(urlEqualTo(callPath(callSid))).willReturn(okJson(updatedCall(callSid))));

        outbound.publish(connect);

        ReplyStatus status = outbound.single(connect.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.providerMessageId()).isEqualTo(callSid);
        assertThat(status.provider()).isEqualTo("twilio");
        assertThat(status.channel()).isEqualTo(Channel.PHONE);
        twilio.verify(1, postRequestedFor(urlEqualTo(callPath(callSid)))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withHeader("I-Twilio-Idempotency-Token", equalTo(connect.replyId()))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("Twiml", equalToXml("""
                        <Response><Dial action="https://phone.switchboard.test/webhooks/twilio/voice/dial-status?replyId=%s"
                          method="POST" timeout="20"><Client>anna</Client></Dial></Response>
                        """.formatted(connect.replyId()))));
    }

    @Test
    void aConnectionWithASurveyCarriesItInTheDialActionForWhenTheAgentHangsUp() {
        SurveyQuestion survey = new SurveyQuestion("s-" + UUID.randomUUID(), "How likely are you to recommend us?",
                "What is the main reason for your score?", "Thank you & goodbye.", "en");
        OutboundMessage connect = withSurvey(connect("client:anna"), survey);
        String callSid = connect.replyTo().providerMessageId();
        twilio.stubFor(post(urlEqualTo(callPath(callSid))).willReturn(okJson(updatedCall(callSid))));

        outbound.publish(connect);

        assertThat(outbound.single(connect.replyId(), WITHIN).state()).isEqualTo(DeliveryState.SENT);
        twilio.verify(1, postRequestedFor(urlEqualTo(callPath(callSid))).withFormParam("Twiml", equalToXml("""
                <Response><Dial action="https://phone.switchboard.test/webhooks/twilio/voice/dial-status?replyId=%s\
                &amp;surveyId=%s&amp;lang=en&amp;question=How+likely+are+you+to+recommend+us%%3F\
                &amp;comment=What+is+the+main+reason+for+your+score%%3F&amp;thanks=Thank+you+%%26+goodbye."
                  method="POST" timeout="20"><Client>anna</Client></Dial></Response>
                """.formatted(connect.replyId(), survey.surveyId()))));
    }

    @Test
    void aSurveyTooLongForTwilioIsLeftOutAndTheCallerStillConnected() {
        SurveyQuestion survey = new SurveyQuestion("s-" + UUID.randomUUID(), "Hoe waarschijnlijk? ".repeat(200),
                null, "Dank u wel.", "nl");
        OutboundMessage connect = withSurvey(connect("client:anna"), survey);
        String callSid = connect.replyTo().providerMessageId();
        twilio.stubFor(post(urlEqualTo(callPath(callSid))).willReturn(okJson(updatedCall(callSid))));

        outbound.publish(connect);

        assertThat(outbound.single(connect.replyId(), WITHIN).state()).isEqualTo(DeliveryState.SENT);
        twilio.verify(1, postRequestedFor(urlEqualTo(callPath(callSid))).withFormParam("Twiml",
                containing("dial-status?replyId=" + connect.replyId() + "\"")));
    }

    @Test
    void aSipAddressOrAPhoneNumberIsDialledAsSuch() {
        OutboundMessage sip = connect("sip:anna@pbx.example.com");
        OutboundMessage number = connect("+31201234567");
        for (OutboundMessage connect : List.of(sip, number)) {
            String callSid = connect.replyTo().providerMessageId();
            twilio.stubFor(post(urlEqualTo(callPath(callSid))).willReturn(okJson(updatedCall(callSid))));
            outbound.publish(connect);
            assertThat(outbound.single(connect.replyId(), WITHIN).state()).isEqualTo(DeliveryState.SENT);
        }
        twilio.verify(postRequestedFor(urlEqualTo(callPath(sip.replyTo().providerMessageId())))
                .withFormParam("Twiml", containing("<Sip>sip:anna@pbx.example.com</Sip>")));
        twilio.verify(postRequestedFor(urlEqualTo(callPath(number.replyTo().providerMessageId())))
                .withFormParam("Twiml", containing("<Number>+31201234567</Number>")));
    }

    @Test
    void aTwilioOutageIsRetriedAndTheCallRedirectedOnce() {
        OutboundMessage connect = connect("client:anna");
        String callSid = connect.replyTo().providerMessageId();
        String scenario = "outage-" + callSid;
        twilio.stubFor(post(urlEqualTo(callPath(callSid))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream down")).willSetStateTo("recovered"));
        twilio.stubFor(post(urlEqualTo(callPath(callSid))).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(okJson(updatedCall(callSid))));

        outbound.publish(connect);

        ReplyStatus status = outbound.single(connect.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.providerMessageId()).isEqualTo(callSid);
        twilio.verify(2, postRequestedFor(urlEqualTo(callPath(callSid)))
                .withHeader("I-Twilio-Idempotency-Token", equalTo(connect.replyId())));
    }

    @Test
    void aTwilioSilentPastTheReadTimeoutLeavesTheConnectionUnconfirmedAfterOneRequest() {
        OutboundMessage connect = connect("client:anna");
        String callSid = connect.replyTo().providerMessageId();
        twilio.stubFor(post(urlEqualTo(callPath(callSid))).willReturn(okJson(updatedCall(callSid)).withFixedDelay(4000)));

        outbound.publish(connect);

        // the caller may be ringing the agent already; the dial-status callback still reports how it ended
        assertThat(outbound.single(connect.replyId(), WITHIN).state()).isEqualTo(DeliveryState.UNCONFIRMED);
        outbound.settleThrough(undialable(), WITHIN);
        twilio.verify(1, postRequestedFor(urlEqualTo(callPath(callSid))));
    }

    @Test
    void aCallerWhoHungUpCannotBeConnectedAndThatIsFinal() {
        OutboundMessage connect = connect("client:anna");
        String callSid = connect.replyTo().providerMessageId();
        twilio.stubFor(post(urlEqualTo(callPath(callSid))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"code":21220,"message":"Call is not in-progress. Cannot redirect.",
                         "more_info":"https://www.twilio.com/docs/errors/21220","status":404}""")));

        outbound.publish(connect);

        ReplyStatus status = outbound.single(connect.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.error())
                .isEqualTo("404 21220 call no longer in progress: Call is not in-progress. Cannot redirect.");
        outbound.settleThrough(undialable(), WITHIN); // the loop is past it: no retry came
        twilio.verify(1, postRequestedFor(urlEqualTo(callPath(callSid))));
    }

    @Test
    void aWrittenReplyOnACallOrAnAddressTwilioCannotDialFailsWithoutAsking() {
        OutboundMessage reply = new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "r-" + UUID.randomUUID(),
                OutboundKind.REPLY, UUID.randomUUID().toString(), Channel.PHONE, caller(), "We will call you back.",
                List.of(), null, null, false, "k", "agent-1", null, call(), Instant.now());
        OutboundMessage desk = undialable();

        outbound.publish(reply);
        outbound.publish(desk);

        assertThat(outbound.single(reply.replyId(), WITHIN)).satisfies(status -> {
            assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(status.error()).startsWith("a phone call has no text channel");
        });
        assertThat(outbound.single(desk.replyId(), WITHIN)).satisfies(status -> {
            assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(status.error()).contains("agent address 'desk 4' is neither client:<identity>");
        });
        twilio.verify(0, postRequestedFor(urlEqualTo(callPath(reply.replyTo().providerMessageId()))));
        twilio.verify(0, postRequestedFor(urlEqualTo(callPath(desk.replyTo().providerMessageId()))));
    }

    private static OutboundMessage connect(String agentAddress) {
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "r-" + UUID.randomUUID(), OutboundKind.CONNECT,
                UUID.randomUUID().toString(), Channel.PHONE, caller(), null, List.of(), null, null, false, "k",
                "agent-1", agentAddress, call(), Instant.now());
    }

    /** A CONNECT the loop fails at once, without asking Twilio. */
    private static OutboundMessage undialable() {
        return connect("desk 4");
    }

    private static OutboundMessage withSurvey(OutboundMessage connect, SurveyQuestion survey) {
        return new OutboundMessage(connect.schemaVersion(), connect.replyId(), connect.kind(), connect.contactId(),
                connect.channel(), connect.customer(), connect.text(), connect.attachments(), connect.templateName(),
                connect.templateLanguage(), connect.privateReply(), connect.idempotencyKey(), connect.agentId(),
                connect.agentAddress(), connect.replyTo(), connect.requestedAt(), survey);
    }

    private static String callPath(String callSid) {
        return "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + callSid + ".json";
    }

    private static String updatedCall(String callSid) {
        return """
                {"sid":"%s","account_sid":"%s","status":"in-progress","direction":"inbound","to":"+31201234567"}
                """.formatted(callSid, ACCOUNT_SID);
    }

    private static Customer caller() {
        return new Customer("phone:+31612345678", "+31612345678", null, null, null);
    }

    /** The caller's call as the adapter published it: CallSid and the Twilio number called. */
    private static ReplyContext call() {
        return new ReplyContext("twilio", "CA" + UUID.randomUUID().toString().replace("-", ""), false, Instant.now(),
                Map.of("to", "+31201234567"));
    }
}
