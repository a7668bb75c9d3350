package io.switchboard.adapter.store.outbound;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.store.outbound.MailServerResource.InjectMailServer;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.SurveyQuestion;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Surveys of store visitors, on the real broker: a visitor whose ticket had an e-mail address is mailed the survey
 * (at a real SMTP server) and answers it on the store adapter's page; one without is reported FAILED, unasked.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(MailServerResource.class)
class SurveyMailerTest extends BrokerTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** switchboard.public-url in the test profile: where the links point. */
    private static final Pattern LINK = Pattern.compile("https://store\\.switchboard\\.test(/survey/\\S+)");

    @InjectMailServer
    GreenMail smtp;


    @Test
    void aVisitorWithAnEmailAddressIsMailedTheSurveyAndAnswersItOnTheStoresPage() throws Exception {
        String email = "jan-" + UUID.randomUUID() + "@example.com";
        OutboundMessage survey = survey(Map.of("email", email, "location", "Amsterdam Damrak"));

        outbound.publish(survey);

        ReplyStatus sent = outbound.single(survey.replyId(), WITHIN);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.provider()).isEqualTo("smtp");
        assertThat(sent.channel()).isEqualTo(Channel.STORE);
        MimeMessage mail = received("<" + survey.replyId() + "@switchboard>");
        assertThat(mail.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly(email);
        assertThat(mail.getSubject()).isEqualTo("How did we do?");
        String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        List<String> links = LINK.matcher(text).results().map(result -> result.group(1)).toList();
        assertThat(links).hasSize(11);

        RestAssured.get(links.get(3)).then().statusCode(200).body(containsString("value=\"3\" checked"))
                .body(containsString("<html lang=\"en\">"));
        RestAssured.given().contentType(ContentType.URLENC).formParam("score", "3")
                .formParam("comment", "The desk kept me waiting for an hour").post(links.get(3)).then().statusCode(200)
                .body(containsString("Thank you"));

        String surveyId = survey.survey().surveyId();
        List<ConsumerRecord<String, String>> answers = new InboundTopic(kafka, Topics.CONTACTS_FEEDBACK)
                .records("surveyId", List.of(surveyId), 1, WITHIN);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).key()).isEqualTo(surveyId);
        assertThat(answers.get(0).value()).contains("\"channel\":\"STORE\"").contains("\"score\":3")
                .contains("\"comment\":\"The desk kept me waiting for an hour\"").contains("\"provider\":\"link\"");
    }

    @Test
    void aVisitorWithoutAnEmailAddressIsNotAskedAndTheSurveyFails() {
        OutboundMessage survey = survey(Map.of("location", "Amsterdam Damrak"));

        outbound.publish(survey);

        ReplyStatus failed = outbound.single(survey.replyId(), WITHIN);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.error()).isEqualTo("no e-mail address for this visitor");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(mail -> idOf(mail).contains(survey.replyId())))
                .isEmpty();
    }

    /** A store visitor known by phone, with the ticket's metadata as the adapter published it. */
    private static OutboundMessage survey(Map<String, String> metadata) {
        Map<String, String> ticket = new HashMap<>(metadata);
        ticket.put("line", "82364");
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "s-" + UUID.randomUUID(), OutboundKind.SURVEY,
                UUID.randomUUID().toString(), Channel.STORE,
                new Customer("phone:+31612345678", "+31612345678", null, null, "Jan"), null, List.of(), null, null,
                false, null, null, null, new ReplyContext("store-queue", "83456123", false, Instant.now(), ticket),
                Instant.now(), new SurveyQuestion(UUID.randomUUID().toString(),
                        "How likely are you to recommend us to a friend?", "What is the main reason for your score?",
                        "Thank you!", "en"));
    }

    private MimeMessage received(String messageId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> messageId.equals(idOf(mail))).findFirst()
                .orElseThrow(() -> new AssertionError("no mail with Message-ID " + messageId));
    }

    private static String idOf(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
