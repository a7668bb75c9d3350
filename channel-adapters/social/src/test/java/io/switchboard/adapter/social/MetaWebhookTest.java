package io.switchboard.adapter.social;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.adapter.core.signature.SignatureScheme;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class MetaWebhookTest extends WebhookContractTest {

    private static final String APP_SECRET = "local-meta-app-secret";
    private static final String PAGE = "1234567890";

    @Override
    protected Channel channel() {
        return Channel.SOCIAL;
    }

    @Override
    protected WebhookDelivery signedContact(String unique) {
        return delivery("{\"object\":\"page\",\"entry\":[" + messenger(unique, "Waar blijft mijn bestelling?") + "]}",
                "m_" + unique);
    }

    @Override
    protected WebhookDelivery signedBatch(String unique) {
        String body = "{\"object\":\"page\",\"entry\":[" + messenger(unique + "1", "eerste") + ","
                + messenger(unique + "2", "tweede") + "," + feedComment(unique, "Slechtste service ooit!") + "]}";
        return delivery(body, "m_" + unique + "1", "m_" + unique + "2", PAGE + "_" + unique);
    }

    @Override
    protected WebhookDelivery signedUnmappable(String unique) {
        return delivery("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"messaging\":[{\"sender\":{\"id\":\"5\"},"
                + "\"message\":{\"text\":\"no mid " + unique + "\"}}]}]}");
    }

    @Override
    protected WebhookDelivery signedBody(byte[] body) {
        return delivery(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }


    @Test
    void subscriptionHandshake() {
        RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "local-whatsapp-verify-token")
                .queryParam("hub.challenge", "42").get("/webhooks/meta").then().statusCode(200).body(equalTo("42"));
        assertProblem(RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "x")
                .queryParam("hub.challenge", "42").get("/webhooks/meta").then(), 403);
    }

    /** Also what a reply is addressed with: the page, the customer's PSID or author id, the kind of contact. */
    @Test
    void publicCommentIsMarkedPublicAndTheDirectMessageIsNot() {
        String unique = unique();
        WebhookDelivery batch = signedBatch(unique);
        batch.post().statusCode(200);

        Map<String, String> byId = published(batch).stream()
                .collect(Collectors.toMap(r -> InboundTopic.field(r, "providerMessageId"), ConsumerRecord::value));
        assertThat(byId.get(PAGE + "_" + unique)).contains("\"public\":true")
                .contains("\"key\":\"handle:facebook:998877\"").contains("\"name\":\"Jan Jansen\"")
                .contains("\"text\":\"Slechtste service ooit!\"");
        assertThat(byId.get("m_" + unique + "1")).contains("\"public\":false")
                .contains("\"key\":\"handle:facebook:psid-4455\"");
        assertThat(byId.get("m_" + unique + "1")).contains("\"senderId\":\"psid-4455\"")
                .contains("\"account\":\"" + PAGE + "\"").contains("\"kind\":\"direct-message\"");
        assertThat(byId.get(PAGE + "_" + unique)).contains("\"senderId\":\"998877\"")
                .contains("\"kind\":\"feed/comment\"");
    }

    @Test
    void instagramCommentIsAPublicContactOfTheUsername() {
        String unique = unique();
        String body = """
                {"object":"instagram","entry":[{"id":"17841400000000000","time":1795341600,"changes":[{"field":"comments",
                 "value":{"from":{"id":"232323","username":"JanJansen"},"media":{"id":"123123"},"id":"%s","text":"Nog steeds geen antwoord?"}}]}]}
                """.formatted(unique);
        WebhookDelivery delivery = delivery(body, unique);
        delivery.post().statusCode(200);
        List<ConsumerRecord<String, String>> records = published(delivery);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("handle:instagram:janjansen");
        assertThat(records.get(0).value()).contains("\"public\":true");
    }

    @Test
    void echoesReceiptsAndThePagesOwnPostsAreNoContacts() {
        String unique = unique();
        String body = """
                {"object":"page","entry":[{"id":"%s","messaging":[
                  {"sender":{"id":"%s"},"recipient":{"id":"psid-4455"},"timestamp":1795341600000,"message":{"mid":"m_%s","text":"hi","is_echo":true}},
                  {"sender":{"id":"psid-4455"},"recipient":{"id":"%s"},"timestamp":1795341600000,"read":{"watermark":1}}],
                 "changes":[{"field":"feed","value":{"from":{"id":"%s","name":"Shop"},"item":"post","post_id":"%s_%s","verb":"add","message":"Nieuwe collectie"}}]}]}
                """.formatted(PAGE, PAGE, unique, PAGE, PAGE, PAGE, unique);
        WebhookDelivery delivery = delivery(body, "m_" + unique, PAGE + "_" + unique);
        delivery.post().statusCode(200);
        assertThat(published(delivery)).isEmpty();
    }

    /**
     * Messenger's delivery receipt names the delivered messages: each becomes a DELIVERED status of that message
     * on contacts.delivery, published before the 200, the same event id when Meta delivers the webhook again.
     */
    @Test
    void deliveryReceiptIsADeliveredStatusOfEachMessage() {
        String unique = unique();
        String body = """
                {"object":"page","entry":[{"id":"%s","time":1795341700000,"messaging":[
                  {"sender":{"id":"psid-4455"},"recipient":{"id":"%s"},"timestamp":1795341700000,
                   "delivery":{"mids":["m_out_%s_1","m_out_%s_2"],"watermark":1795341699000}}]}]}
                """.formatted(PAGE, PAGE, unique, unique);
        WebhookDelivery delivery = delivery(body);
        delivery.post().statusCode(200);
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> statuses = statuses(4, "m_out_" + unique + "_1", "m_out_" + unique + "_2");
        assertThat(statuses).hasSize(4);
        assertThat(statuses).allSatisfy(status -> {
            assertThat(status.key()).isEqualTo(InboundTopic.field(status, "providerMessageId"));
            assertThat(InboundTopic.field(status, "state")).isEqualTo("DELIVERED");
            assertThat(InboundTopic.field(status, "channel")).isEqualTo("SOCIAL");
            assertThat(InboundTopic.field(status, "provider")).isEqualTo("facebook");
            assertThat(InboundTopic.field(status, "replyId")).isNull();
            assertThat(InboundTopic.field(status, "occurredAt")).isEqualTo("2026-11-22T10:01:40Z");
        });
        assertThat(statuses.stream().map(status -> InboundTopic.field(status, "eventId")).distinct())
                .as("a redelivered receipt has the same event ids").hasSize(2);
        assertThat(published(delivery)).isEmpty();
    }

    /**
     * Instagram's read receipt names the message read: a READ status of it. Messenger's names only a watermark
     * ("read up to this time"), which identifies no message: it is acknowledged and not published.
     */
    @Test
    void readReceiptIsAReadStatusWhereItNamesTheMessage() {
        String unique = unique();
        WebhookDelivery instagram = delivery("""
                {"object":"instagram","entry":[{"id":"17841400000000000","time":1795341700000,"messaging":[
                  {"sender":{"id":"igsid-1"},"recipient":{"id":"17841400000000000"},"timestamp":1795341700000,
                   "read":{"mid":"ig_out_%s"}}]}]}
                """.formatted(unique));
        WebhookDelivery messenger = delivery("""
                {"object":"page","entry":[{"id":"%s","time":1795341700000,"messaging":[
                  {"sender":{"id":"psid-4455"},"recipient":{"id":"%s"},"timestamp":1795341700000,
                   "read":{"watermark":1795341699000}}]}]}
                """.formatted(PAGE, PAGE));
        instagram.post().statusCode(200);
        messenger.post().statusCode(200);

        List<ConsumerRecord<String, String>> statuses = statuses(1, "ig_out_" + unique);
        assertThat(statuses).hasSize(1);
        assertThat(InboundTopic.field(statuses.get(0), "state")).isEqualTo("READ");
        assertThat(InboundTopic.field(statuses.get(0), "provider")).isEqualTo("instagram");
        assertThat(unmapped(messenger)).isEmpty();
    }

    /**
     * A customer taps a score under a survey: Messenger sends it as a message with {@code quick_reply.payload}. It is
     * a SurveyResponse on contacts.feedback keyed by the survey id, never a contact; a redelivery gives the same
     * event id.
     */
    @Test
    void quickReplyUnderASurveyIsASurveyResponseAndNoContact() {
        String unique = unique();
        String surveyId = "survey-" + unique;
        WebhookDelivery delivery = delivery(surveyAnswer("facebook", unique, "SURVEY:" + surveyId + ":9"), "m_" + unique);
        delivery.post().statusCode(200);
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> answers = feedback(surveyId);
        assertThat(answers).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.key()).isEqualTo(surveyId);
            assertThat(InboundTopic.field(answer, "score")).isEqualTo("9");
            assertThat(InboundTopic.field(answer, "channel")).isEqualTo("SOCIAL");
            assertThat(InboundTopic.field(answer, "provider")).isEqualTo("facebook");
            assertThat(InboundTopic.field(answer, "providerMessageId")).isEqualTo("m_" + unique);
            assertThat(InboundTopic.field(answer, "answeredAt")).isEqualTo("2026-11-22T10:00:00Z");
        });
        assertThat(answers.stream().map(answer -> InboundTopic.field(answer, "eventId")).distinct())
                .as("a redelivered answer has the same event id").hasSize(1);
        assertThat(published(delivery)).as("an answer is no contact").isEmpty();
        assertThat(unmapped(delivery)).isEmpty();
    }

    /** Instagram's quick reply arrives in the same shape, for the Instagram account. */
    @Test
    void instagramQuickReplyAnswersTheSurveyToo() {
        String unique = unique();
        String surveyId = "survey-" + unique;
        WebhookDelivery delivery = delivery(surveyAnswer("instagram", unique, "SURVEY:" + surveyId + ":0"), "m_" + unique);
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> answers = feedback(surveyId);
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(InboundTopic.field(answer, "score")).isEqualTo("0");
            assertThat(InboundTopic.field(answer, "provider")).isEqualTo("instagram");
        });
        assertThat(published(delivery)).isEmpty();
    }

    /** A score outside 0–10 is no answer that can be recorded, but the signed delivery is kept, never dropped. */
    @Test
    void malformedSurveyAnswerIsKeptUnmapped() {
        String unique = unique();
        String surveyId = "survey-" + unique;
        WebhookDelivery delivery = delivery(surveyAnswer("facebook", unique, "SURVEY:" + surveyId + ":11"), "m_" + unique);
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> kept = unmapped(delivery);
        assertThat(kept).singleElement().satisfies(record -> {
            assertThat(InboundTopic.field(record, "reason")).isEqualTo("invalid-value");
            assertThat(InboundTopic.field(record, "detail")).contains("SURVEY:" + surveyId + ":11");
        });
        assertThat(feedback(surveyId)).isEmpty();
        assertThat(published(delivery)).isEmpty();
    }

    /** Like a contact, an answer Kafka did not take is a 503, so Meta delivers it again; then it is stored once. */
    @Test
    void surveyAnswerIsA503WhileTheBrokerIsDownAndStoredOnRedelivery() throws InterruptedException {
        String unique = unique();
        String surveyId = "survey-" + unique;
        WebhookDelivery delivery = delivery(surveyAnswer("facebook", unique, "SURVEY:" + surveyId + ":7"));
        infrastructure.stopBroker();
        try {
            assertProblem(delivery.post(), 503);
        } finally {
            infrastructure.startBroker();
        }
        assertThat(delivery.redeliveredUntilAccepted(Duration.ofSeconds(60))).as("Meta's redelivery after the outage")
                .isEqualTo(200);
        assertThat(feedback(surveyId)).hasSize(1);
        awaitReadyAgain();
    }

    /** The answers to a survey on contacts.feedback: all there are once Meta got its 2xx (acks=all first). */
    private List<ConsumerRecord<String, String>> feedback(String surveyId) {
        return new InboundTopic(kafka, Topics.CONTACTS_FEEDBACK).upToNow("surveyId", List.of(surveyId));
    }

    /** The message Meta sends when the customer taps a quick reply: its title as text, the payload beside it. */
    private static String surveyAnswer(String network, String unique, String payload) {
        String account = "facebook".equals(network) ? PAGE : "17841400000000000";
        return """
                {"object":"%s","entry":[{"id":"%s","time":1795341600000,"messaging":[{"sender":{"id":"psid-4455"},
                 "recipient":{"id":"%s"},"timestamp":1795341600000,
                 "message":{"mid":"m_%s","text":"9","quick_reply":{"payload":"%s"}}}]}]}
                """.formatted("facebook".equals(network) ? "page" : "instagram", account, account, unique, payload);
    }

    private List<ConsumerRecord<String, String>> statuses(int expected, String... providerMessageIds) {
        return new InboundTopic(kafka, Topics.CONTACTS_DELIVERY).records("providerMessageId",
                List.of(providerMessageIds), expected, Duration.ofSeconds(10));
    }

    private static String messenger(String unique, String text) {
        return """
                {"id":"%s","time":1795341600000,"messaging":[{"sender":{"id":"psid-4455"},"recipient":{"id":"%s"},
                 "timestamp":1795341600000,"message":{"mid":"m_%s","text":"%s"}}]}
                """.formatted(PAGE, PAGE, unique, text);
    }

    private static String feedComment(String unique, String text) {
        return """
                {"id":"%s","time":1795341600,"changes":[{"field":"feed","value":{"from":{"id":"998877","name":"Jan Jansen"},
                 "item":"comment","comment_id":"%s_%s","post_id":"%s_1","verb":"add","message":"%s","created_time":1795341600}}]}
                """.formatted(PAGE, PAGE, unique, PAGE, text);
    }

    /** Meta's group_feed field (a comment on the page's post in a group), as the Graph API reference documents it. */
    @Test
    void groupFeedCommentIsAPublicContact() {
        String commentId = "5551234567_" + System.nanoTime();
        WebhookDelivery delivery = delivery(sample("meta-group-feed-comment.json", commentId), commentId);
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> records = published(delivery);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("handle:facebook:998877");
        assertThat(records.get(0).value()).contains("\"public\":true").contains("\"groupId\":\"5551234567\"")
                .contains("\"kind\":\"group_feed/comment\"").contains("Waarom krijg ik geen antwoord");
    }

    /** A provider's documented sample from test resources, with {@code {{id}}} made unique. */
    private static String sample(String name, String id) {
        try (java.io.InputStream in = MetaWebhookTest.class.getResourceAsStream("/providers/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip().replace("{{id}}", id);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WebhookDelivery delivery(String body, String... providerIds) {
        byte[] bytes = utf8(body);
        return new WebhookDelivery("/webhooks/meta", "application/json", bytes,
                Map.of("X-Hub-Signature-256", SignatureScheme.META.sign(APP_SECRET, bytes)), "X-Hub-Signature-256",
                Arrays.stream(providerIds).map(id -> ContactIds.of(Channel.SOCIAL, id)).toList());
    }
}
