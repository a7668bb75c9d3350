package io.switchboard.adapter.phone;

import com.twilio.security.RequestValidator;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.signature.SignedContent;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.core.testing.WebhookContractTest;
import io.switchboard.adapter.core.testing.WebhookDelivery;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.switchboard.adapter.phone.TwilioRequests.AUTH_TOKEN;
import static io.switchboard.adapter.phone.TwilioRequests.PUBLIC_BASE;
import static io.switchboard.adapter.phone.TwilioRequests.call;
import static io.switchboard.adapter.phone.TwilioRequests.delivery;
import static io.switchboard.adapter.phone.TwilioRequests.form;
import static io.switchboard.adapter.phone.TwilioRequests.multi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class TwilioVoiceWebhookTest extends WebhookContractTest {

    @Override
    protected String gatewayBaseUrl() {
        return PUBLIC_BASE;
    }

    @Override
    protected Channel channel() {
        return Channel.PHONE;
    }

    @Override
    protected WebhookDelivery signedContact(String unique) {
        return delivery("/webhooks/twilio/voice/gather?lang=nl", call(unique, "+31612345678",
                "SpeechResult", "mijn internet valt steeds weg", "Confidence", "0.92"), unique);
    }

    @Override
    protected WebhookDelivery signedUnmappable(String unique) {
        Map<String, String> noCallSid = new LinkedHashMap<>(call(unique, "+31612345678", "SpeechResult", unique));
        noCallSid.remove("CallSid");
        return delivery("/webhooks/twilio/voice/gather?lang=nl", noCallSid);
    }

    @Test
    void twilioSdkAcceptsOurSignatureAndTheAdapterAcceptsWhatTheSdkValidates() {
        Map<String, String> params = call(unique(), "+31612345678", "SpeechResult", "factuur klopt niet");
        String url = PUBLIC_BASE + "/webhooks/twilio/voice/gather?lang=nl";
        String signature = SignatureScheme.TWILIO.sign(AUTH_TOKEN, SignedContent.twilio(url, multi(params)));

        assertThat(new RequestValidator(AUTH_TOKEN).validate(url, params, signature)).isTrue();
        assertThat(new RequestValidator("another-token").validate(url, params, signature)).isFalse();
        RestAssured.given().contentType("application/x-www-form-urlencoded").body(form(params))
                .header("X-Twilio-Signature", signature).post("/webhooks/twilio/voice/gather?lang=nl")
                .then().statusCode(200);
    }

    @Test
    void officialVectorValidatesWithTheSdkToo() {
        Map<String, String> params = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE", "To", "+18005551212",
                "Caller", "+14158675309", "From", "+14158675309");
        assertThat(new RequestValidator("12345").validate("https://mycompany.com/myapp.php?foo=1&bar=2", params,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
    }

    @Test
    void signatureOverTheInternalUrlInsteadOfThePublicOneIsRefused() {
        Map<String, String> params = call(unique(), "+31612345678");
        String internal = RestAssured.baseURI + ":" + RestAssured.port + "/webhooks/twilio/voice";
        assertProblem(RestAssured.given().contentType("application/x-www-form-urlencoded").body(form(params))
                .header("X-Twilio-Signature", SignatureScheme.TWILIO.sign(AUTH_TOKEN, SignedContent.twilio(internal, multi(params))))
                .post("/webhooks/twilio/voice").then(), 401);
    }

    @Test
    void incomingCallIsGreetedAndAskedWhatItIsAboutInTheCallersLanguage() {
        delivery("/webhooks/twilio/voice", call(unique(), "+31612345678")).post().statusCode(200)
                .contentType(containsString("xml"))
                .body("Response.Gather.@input", equalTo("speech"))
                .body("Response.Gather.@language", equalTo("nl-NL"))
                .body("Response.Gather.@actionOnEmptyResult", equalTo("true"))
                .body("Response.Gather.@action", equalTo("/webhooks/twilio/voice/gather?lang=nl"))
                .body("Response.Gather.Say.@language", equalTo("nl-NL"))
                .body("Response.Gather.Say", containsString("Vertel ons in een paar woorden waarover u belt"));
        delivery("/webhooks/twilio/voice", call(unique(), "+447700900123")).post().statusCode(200)
                .body("Response.Gather.@language", equalTo("en-GB"))
                .body("Response.Gather.@action", equalTo("/webhooks/twilio/voice/gather?lang=en"))
                .body("Response.Gather.Say", containsString("Please tell us in a few words what your call is about"));
    }

    @Test
    void speechResultIsTheContactTextAndTheCallerIsQueued() {
        String unique = unique();
        WebhookDelivery delivery = signedContact(unique);
        delivery.post().statusCode(200)
                .body("Response.Say.@language", equalTo("nl-NL"))
                .body("Response.Enqueue", equalTo("switchboard"))
                .body("Response.Enqueue.@method", equalTo("POST"))
                .body("Response.Enqueue.@action", equalTo("/webhooks/twilio/voice/status"));

        List<ConsumerRecord<String, String>> records = published(delivery);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("phone:+31612345678");
        assertThat(records.get(0).value()).contains("\"text\":\"mijn internet valt steeds weg\"")
                .contains("\"language\":\"nl\"").contains("\"providerMessageId\":\"CA" + unique + "\"");
    }

    @Test
    void callerHangingUpInTheQueueAbandonsTheContact() {
        String unique = unique();
        delivery("/webhooks/twilio/voice/status", call(unique, "+31612345678", "QueueResult", "hangup",
                "QueueTime", "42", "CallStatus", "completed")).post().statusCode(200);
        delivery("/webhooks/twilio/voice/status", call(unique(), "+31612345678", "CallStatus", "completed"))
                .post().statusCode(200);

        String contactId = ContactIds.of(Channel.PHONE, "CA" + unique);
        List<ConsumerRecord<String, String>> events = new InboundTopic(kafka, Topics.CONTACTS_ABANDONED)
                .records("contactId", List.of(contactId), 1, Duration.ofSeconds(10));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).key()).isEqualTo(contactId);
        assertThat(events.get(0).value()).contains("\"type\":\"ABANDONED\"").contains("\"channel\":\"PHONE\"")
                .contains("\"queueTimeSeconds\":\"42\"");
    }

    @Test
    void agentWhoAnsweredTheConnectedCallDeliversTheConnectionAndTheCallEnds() {
        String unique = unique();
        String replyId = "r-" + unique;
        delivery("/webhooks/twilio/voice/dial-status?replyId=" + replyId, call(unique, "+31612345678",
                "DialCallStatus", "completed", "DialCallSid", "CA-agent-" + unique, "DialCallDuration", "94"))
                .post().statusCode(200).contentType(containsString("xml"))
                .body(containsString("<Hangup/>"), not(containsString("Enqueue")));

        List<ConsumerRecord<String, String>> statuses = replyStatuses(replyId, 1);
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).key()).isEqualTo("CA" + unique);
        assertThat(statuses.get(0).value()).contains("\"state\":\"DELIVERED\"").contains("\"channel\":\"PHONE\"")
                .contains("\"provider\":\"twilio\"").contains("\"providerMessageId\":\"CA" + unique + "\"")
                .doesNotContain("\"error\"");
    }

    @Test
    void agentWhoDidNotAnswerFailsTheConnectionAndTheCallerGoesBackInTheQueue() {
        String unique = unique();
        String replyId = "r-" + unique;
        WebhookDelivery noAnswer = delivery("/webhooks/twilio/voice/dial-status?replyId=" + replyId,
                call(unique, "+31612345678", "DialCallStatus", "no-answer", "DialCallSid", "CA-agent-" + unique));
        noAnswer.post().statusCode(200)
                .body("Response.Enqueue", equalTo("switchboard"))
                .body("Response.Enqueue.@action", equalTo("/webhooks/twilio/voice/status"));
        noAnswer.post().statusCode(200);

        List<ConsumerRecord<String, String>> statuses = replyStatuses(replyId, 2);
        assertThat(statuses).hasSize(2);
        assertThat(statuses.get(0).value()).contains("\"state\":\"FAILED\"")
                .contains("\"error\":\"agent did not answer: no-answer\"");
        assertThat(InboundTopic.field(statuses.get(1), "eventId"))
                .as("Twilio's redelivery is recognisable").isEqualTo(InboundTopic.field(statuses.get(0), "eventId"));
    }

    @Test
    void dialStatusSignedForAnotherReplyIsRefused() {
        String unique = unique();
        Map<String, String> params = call(unique, "+31612345678", "DialCallStatus", "completed");
        String signedFor = PUBLIC_BASE + "/webhooks/twilio/voice/dial-status?replyId=r-other";
        assertProblem(RestAssured.given().contentType("application/x-www-form-urlencoded").body(form(params))
                .header("X-Twilio-Signature", SignatureScheme.TWILIO.sign(AUTH_TOKEN, SignedContent.twilio(signedFor, multi(params))))
                .post("/webhooks/twilio/voice/dial-status?replyId=r-" + unique).then(), 401);
        assertThat(replyStatuses("r-" + unique, 0)).isEmpty();
    }

    private List<ConsumerRecord<String, String>> replyStatuses(String replyId, int expected) {
        return new InboundTopic(kafka, Topics.CONTACTS_DELIVERY).records("replyId", List.of(replyId), expected,
                Duration.ofSeconds(expected == 0 ? 2 : 10));
    }
}
