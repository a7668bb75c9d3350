package io.switchboard.adapter.phone;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.core.testing.WebhookDelivery;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.switchboard.adapter.phone.TwilioRequests.call;
import static io.switchboard.adapter.phone.TwilioRequests.delivery;
import static io.switchboard.adapter.phone.TwilioRequests.encode;
import static io.switchboard.adapter.phone.TwilioRequests.exactly;
import static io.switchboard.adapter.phone.TwilioRequests.signedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The post-call survey as Twilio drives it, over HTTP with signed requests and the real broker: the agent hangs up,
 * the dial-status answer asks the question, each {@code <Gather action>} the adapter wrote is followed as Twilio
 * would follow it, and the answers arrive as {@code SurveyResponse}s on {@code contacts.feedback}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class PostCallSurveyTest extends BrokerTest {

    private static final String CALLER = "+31612345678";
    private static final String QUESTION =
            "Hoe waarschijnlijk is het dat u ons aanbeveelt? 0 is zeker niet, 10 is zeker wel.";
    private static final String COMMENT_PROMPT = "Wat is de belangrijkste reden voor uw score?";
    private static final String THANKS = "Dank u wel voor uw antwoord.";


    @Test
    void theAgentHangingUpPutsTheQuestionAndTheKeypadScoreAndCommentArePublished() {
        String unique = unique();
        String surveyId = "s-" + unique;
        XmlPath asked = exactly(delivery(dialStatus("r-" + unique, surveyId, "nl"), call(unique, CALLER,
                "DialCallStatus", "completed", "DialCallSid", "CA-agent-" + unique, "DialCallDuration", "94")))
                .post().statusCode(200).contentType(containsString("xml"))
                .body("Response.Gather.@input", equalTo("dtmf speech"))
                .body("Response.Gather.@numDigits", equalTo("2"))
                .body("Response.Gather.@language", equalTo("nl-NL"))
                .body("Response.Gather.@action", startsWith("/webhooks/twilio/voice/survey?surveyId=" + surveyId + "&"))
                .body("Response.Gather.Say[0]", equalTo(QUESTION))
                .body("Response.Gather.Say[1]", containsString("Toets of zeg een cijfer van 0 tot en met 10"))
                .body("Response.Say", equalTo(THANKS))
                .body(containsString("<Hangup/>"))
                .extract().xmlPath();
        assertThat(new InboundTopic(kafka, Topics.CONTACTS_DELIVERY).records("replyId", List.of("r-" + unique), 1,
                Duration.ofSeconds(10))).singleElement().satisfies(status -> assertThat(status.value())
                .as("the connection is delivered as before").contains("\"state\":\"DELIVERED\""));

        XmlPath commentAsked = exactly(delivery(asked.getString("Response.Gather.@action"),
                call(unique, CALLER, "Digits", "9")))
                .post().statusCode(200)
                .body("Response.Gather.@input", equalTo("speech"))
                .body("Response.Gather.@language", equalTo("nl-NL"))
                .body("Response.Gather.@action",
                        startsWith("/webhooks/twilio/voice/survey/comment?surveyId=" + surveyId))
                .body("Response.Gather.@action", containsString("&score=9"))
                .body("Response.Gather.Say", equalTo(COMMENT_PROMPT))
                .body("Response.Say", equalTo(THANKS))
                .extract().xmlPath();
        List<ConsumerRecord<String, String>> answers = feedback(surveyId);
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.key()).isEqualTo(surveyId);
            assertThat(answer.value()).contains("\"score\":9").contains("\"channel\":\"PHONE\"")
                    .contains("\"provider\":\"twilio\"").contains("\"providerMessageId\":\"CA" + unique + "\"")
                    .doesNotContain("\"comment\"");
        });

        exactly(delivery(commentAsked.getString("Response.Gather.@action"), call(unique, CALLER,
                "SpeechResult", "De wachttijd was veel te lang.", "Confidence", "0.87")))
                .post().statusCode(200)
                .body("Response.Say", equalTo(THANKS))
                .body(containsString("<Hangup/>"), not(containsString("Gather")));
        answers = feedback(surveyId);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).value()).contains("\"score\":9")
                .contains("\"comment\":\"De wachttijd was veel te lang.\"");
        assertThat(InboundTopic.field(answers.get(1), "eventId"))
                .isNotEqualTo(InboundTopic.field(answers.get(0), "eventId"));
    }

    @Test
    void aSpokenScoreCountsInEitherLanguage() {
        String dutch = unique();
        exactly(delivery(surveyAction("s-" + dutch, "nl", 1),
                call(dutch, CALLER, "SpeechResult", "Zeven.", "Confidence", "0.9")))
                .post().statusCode(200).body("Response.Gather.@action", containsString("score=7"));
        String english = unique();
        exactly(delivery(surveyAction("s-" + english, "en", 1), call(english, "+447700900123",
                "SpeechResult", "I'd say eight out of ten", "Confidence", "0.8")))
                .post().statusCode(200).body("Response.Gather.@language", equalTo("en-GB"));

        assertThat(feedback("s-" + dutch)).singleElement()
                .satisfies(answer -> assertThat(answer.value()).contains("\"score\":7"));
        assertThat(feedback("s-" + english)).singleElement()
                .satisfies(answer -> assertThat(answer.value()).contains("\"score\":8"));
    }

    @Test
    void anAnswerThatIsNoScoreIsAskedOnceMoreThenTheCallerIsThanked() {
        String unique = unique();
        String surveyId = "s-" + unique;
        XmlPath again = exactly(delivery(surveyAction(surveyId, "nl", 1),
                call(unique, CALLER, "SpeechResult", "banaan")))
                .post().statusCode(200)
                .body("Response.Gather.@action", containsString("attempt=2"))
                .body("Response.Gather.Say[0]", equalTo("Sorry, dat hebben we niet verstaan."))
                .body("Response.Gather.Say[1]", equalTo(QUESTION))
                .extract().xmlPath();

        exactly(delivery(again.getString("Response.Gather.@action"), call(unique, CALLER, "Digits", "42")))
                .post().statusCode(200)
                .body("Response.Say", equalTo(THANKS))
                .body(containsString("<Hangup/>"), not(containsString("Gather")));
        assertThat(feedback(surveyId)).isEmpty();
    }

    @Test
    void aCallerWhoHungUpFirstIsNotSurveyed() {
        String unique = unique();
        exactly(delivery(dialStatus("r-" + unique, "s-" + unique, "nl"), call(unique, CALLER, "CallStatus", "completed",
                "DialCallStatus", "completed")))
                .post().statusCode(200)
                .body(containsString("<Hangup/>"), not(containsString("Gather")));
    }

    @Test
    void anAnswerSignedForAnotherSurveyIsRefused() {
        String unique = unique();
        WebhookDelivery forged = signedFor(surveyAction("s-other", "nl", 1), surveyAction("s-" + unique, "nl", 1),
                call(unique, CALLER, "Digits", "0"));
        exactly(forged).post().statusCode(401);
        assertThat(feedback("s-" + unique)).isEmpty();
    }

    @Test
    void aBrokerOutageIsA503AndTwiliosRetryPublishesTheScoreOnce() throws InterruptedException {
        String unique = unique();
        String surveyId = "s-" + unique;
        WebhookDelivery answer = delivery(surveyAction(surveyId, "nl", 1), call(unique, CALLER, "Digits", "3"));
        infrastructure.stopBroker();
        try {
            exactly(answer).post().statusCode(503);
        } finally {
            infrastructure.startBroker();
        }
        assertThat(WebhookDelivery.redeliveredUntilAccepted(exactly(answer)::post, Duration.ofSeconds(60)))
                .isEqualTo(200);
        exactly(answer).post().statusCode(200);
        List<ConsumerRecord<String, String>> answers = feedback(surveyId);
        assertThat(answers).as("a redelivery is the same answer").hasSize(2)
                .extracting(record -> InboundTopic.field(record, "eventId")).containsOnly(
                        InboundTopic.field(answers.get(0), "eventId"));
        awaitReadyAgain();
    }

    /** The {@code <Dial action>} CallConnector writes for a CONNECT with a survey. */
    private static String dialStatus(String replyId, String surveyId, String lang) {
        return "/webhooks/twilio/voice/dial-status?replyId=" + replyId + "&" + survey(surveyId, lang);
    }

    private static String surveyAction(String surveyId, String lang, int attempt) {
        return "/webhooks/twilio/voice/survey?" + survey(surveyId, lang) + "&attempt=" + attempt;
    }

    private static String survey(String surveyId, String lang) {
        return "surveyId=" + surveyId + "&lang=" + lang + "&question=" + encode(QUESTION) + "&comment="
                + encode(COMMENT_PROMPT) + "&thanks=" + encode(THANKS);
    }

    /** The answers to a survey on contacts.feedback: all there are once Twilio got its TwiML (acks=all first). */
    private List<ConsumerRecord<String, String>> feedback(String surveyId) {
        return new InboundTopic(kafka, Topics.CONTACTS_FEEDBACK).upToNow("surveyId", List.of(surveyId));
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
