package io.switchboard.adapter.webshop.survey;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.switchboard.adapter.core.survey.SurveyLinks;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.core.testing.OutboundTopic;
import io.switchboard.adapter.webshop.outbound.MailServerResource;
import io.switchboard.adapter.webshop.outbound.MailServerResource.InjectMailServer;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.SurveyQuestion;
import io.switchboard.contracts.SurveyResponse;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import jakarta.inject.Inject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * A webshop customer's survey end to end: a {@code SURVEY} on the real {@code contacts.outbound} becomes a mail at
 * the SMTP server with eleven signed links; a link opens the adapter's survey page; the posted form is a
 * {@code SurveyResponse} on the real {@code contacts.feedback}; a forged link gets a 401 page and records nothing.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(MailServerResource.class)
class SurveyByMailTest extends BrokerTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** switchboard.public-url in the test profile: where the links point. */
    private static final Pattern LINK = Pattern.compile("https://webshop\\.switchboard\\.test(/survey/\\S+)");

    @InjectMailServer
    GreenMail smtp;

    @Inject
    SurveyLinks links;


    @Test
    void surveyIsMailedInTheCustomersLanguageWithElevenSignedLinksAndSent() throws Exception {
        String email = "jan-" + UUID.randomUUID() + "@example.com";
        OutboundMessage survey = survey(email, "nl");

        new OutboundTopic(kafka).publish(survey);

        ReplyStatus sent = outbound.single(survey.replyId(), WITHIN);
        String messageId = "<" + survey.replyId() + "@switchboard>";
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.provider()).isEqualTo("smtp");
        assertThat(sent.providerMessageId()).isEqualTo(messageId);
        MimeMessage mail = received(messageId);
        assertThat(mail.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly(email);
        assertThat(mail.getSubject()).isEqualTo("Hoe hebben we u geholpen?");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("Hoe waarschijnlijk is het dat u ons aanbeveelt?");
        assertThat(html).contains("<html lang=\"nl\">").contains("Hoe waarschijnlijk is het dat u ons aanbeveelt?");

        List<String> scoreLinks = LINK.matcher(text).results().map(result -> result.group(1)).toList();
        assertThat(scoreLinks).hasSize(11);
        assertThat(Pattern.compile("href=\"https://webshop\\.switchboard\\.test/survey/").matcher(html).results())
                .hasSize(11);
        String token = scoreLinks.get(0).substring("/survey/".length(), scoreLinks.get(0).indexOf('?'));
        assertThat(token).startsWith(survey.survey().surveyId() + ".WEBSHOP.");
        assertThat(scoreLinks).containsExactlyElementsOf(IntStream.rangeClosed(0, 10)
                .mapToObj(score -> "/survey/" + token + "?lang=nl&score=" + score).toList());
    }

    @Test
    void aLinkShowsTheScoreAndTheFormPostedIsTheAnswerALaterOneReplacingIt() {
        String surveyId = UUID.randomUUID().toString();
        String link = path(links.scoreLinks(surveyId, Channel.WEBSHOP, "nl").get(8));

        RestAssured.get(link).then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .body(containsString("<html lang=\"nl\">")).body(containsString("value=\"8\" checked"))
                .body(not(containsString("value=\"7\" checked"))).body(containsString("Wilt u ons vertellen waarom?"));
        post(link, Map.of("score", "8", "comment", "Snel en vriendelijk geholpen")).statusCode(200)
                .body(containsString("Dank u wel"));
        post(link, Map.of("score", "9")).statusCode(200);

        List<ConsumerRecord<String, String>> records = answers(surveyId, 2);
        assertThat(records).hasSize(2);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(surveyId);
        SurveyResponse first = read(records.get(0));
        assertThat(first.score()).isEqualTo(8);
        assertThat(first.comment()).isEqualTo("Snel en vriendelijk geholpen");
        assertThat(first.provider()).isEqualTo("link");
        assertThat(first.channel()).isEqualTo(Channel.WEBSHOP);
        assertThat(first.answeredAt()).isNotNull();
        SurveyResponse later = read(records.get(1));
        assertThat(later.score()).isEqualTo(9);
        assertThat(later.eventId()).isNotEqualTo(first.eventId());
    }

    /** One host may send every /survey to one adapter: the channel signed in the link is the one that counts. */
    @Test
    void aStoreSurveysLinkAnsweredHereCountsOnTheStore() {
        String surveyId = UUID.randomUUID().toString();
        post(path(links.scoreLinks(surveyId, Channel.STORE, "en").get(2)), Map.of("score", "2")).statusCode(200);

        List<ConsumerRecord<String, String>> records = answers(surveyId, 1);
        assertThat(records).hasSize(1);
        assertThat(read(records.get(0)).channel()).isEqualTo(Channel.STORE);
    }

    @Test
    void aForgedOrAlteredLinkGetsA401PageAndRecordsNothing() {
        String surveyId = UUID.randomUUID().toString();
        String genuine = path(links.scoreLinks(surveyId, Channel.STORE, "en").get(10));
        String other = links.scoreLinks(UUID.randomUUID().toString(), Channel.WEBSHOP, "en").get(10);
        String signature = other.substring(other.lastIndexOf('.') + 1, other.indexOf('?'));
        // another channel in this survey's link, another survey's signature on it, a made-up one, none
        String otherChannel = genuine.replace(".STORE.", ".WEBSHOP.");
        String otherSignature = "/survey/" + surveyId + ".WEBSHOP." + signature + "?lang=en&score=10";
        String madeUp = "/survey/" + surveyId + ".WEBSHOP.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?score=10";

        for (String link : List.of(otherChannel, otherSignature, madeUp, "/survey/" + surveyId + "?score=10")) {
            RestAssured.get(link).then().statusCode(401).contentType(containsString("text/html"))
                    .body(containsString("This link is not valid"));
            post(link, Map.of("score", "10", "comment", "forged")).statusCode(401);
        }
        assertThat(new InboundTopic(kafka, Topics.CONTACTS_FEEDBACK).upToNow("surveyId", List.of(surveyId))).isEmpty();
    }

    @Test
    void aFormWithNeitherScoreNorCommentIsShownAgainWithTheReason() {
        String link = path(links.scoreLinks(UUID.randomUUID().toString(), Channel.WEBSHOP, "en").get(5));
        post(link, Map.of("comment", "  ")).statusCode(400).body(containsString("role=\"alert\""))
                .body(containsString("Please choose a score or write a comment."));
    }

    @Test
    void aSurveyWithoutAnAddressIsUndeliverable() {
        OutboundMessage survey = new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "s-" + UUID.randomUUID(),
                OutboundKind.SURVEY, "c-" + UUID.randomUUID(), Channel.WEBSHOP,
                new Customer("handle:shopify:order-7", null, null, "order-7", null), null, List.of(), null, null,
                false, null, null, null, new ReplyContext("shopify", "refunds/create:abc", false, Instant.now(),
                        Map.of()), Instant.now(), question(UUID.randomUUID().toString(), "en"));

        new OutboundTopic(kafka).publish(survey);

        ReplyStatus failed = outbound.single(survey.replyId(), WITHIN);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.error()).isEqualTo("no e-mail address is known for customer handle:shopify:order-7");
    }

    static OutboundMessage survey(String email, String language) {
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "s-" + UUID.randomUUID(), OutboundKind.SURVEY,
                "c-" + UUID.randomUUID(), Channel.WEBSHOP, new Customer("email:" + email, null, email, null, "Jan"),
                null, List.of(), null, null, false, null, null, null,
                new ReplyContext("shopify", "orders/create:abc", false, Instant.now(), Map.of("email", email)),
                Instant.now(), question(UUID.randomUUID().toString(), language));
    }

    private static SurveyQuestion question(String surveyId, String language) {
        return new SurveyQuestion(surveyId, "Hoe waarschijnlijk is het dat u ons aanbeveelt?",
                "Wat is de belangrijkste reden voor uw cijfer?", "Dank u wel!", language);
    }

    private List<ConsumerRecord<String, String>> answers(String surveyId, int expected) {
        return new InboundTopic(kafka, Topics.CONTACTS_FEEDBACK).records("surveyId", List.of(surveyId), expected,
                WITHIN);
    }

    private static ValidatableResponse post(String link, Map<String, String> form) {
        return RestAssured.given().contentType(ContentType.URLENC).formParams(form).post(link).then();
    }

    /** The path and query of a link: the test calls the adapter, not the public address in front of it. */
    private static String path(String link) {
        Matcher matcher = LINK.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        return matcher.group(1);
    }

    /** The decoded text of the mail's part of this type. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static SurveyResponse read(ConsumerRecord<String, String> record) {
        try {
            return Json.mapper().readValue(record.value(), SurveyResponse.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MimeMessage received(String messageId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return messageId.equals(mail.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail with Message-ID " + messageId));
    }
}
