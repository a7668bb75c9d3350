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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class XWebhookTest extends WebhookContractTest {

    private static final String CONSUMER_SECRET = "local-x-consumer-secret";
    private static final String ACCOUNT = "3001";

    @Override
    protected Channel channel() {
        return Channel.SOCIAL;
    }

    @Override
    protected WebhookDelivery signedContact(String unique) {
        return delivery(activity(mention(unique, "@shop mijn pakket is kwijt"), ""), unique);
    }

    @Override
    protected WebhookDelivery signedBatch(String unique) {
        return delivery(activity(mention(unique + "1", "eerste") + "," + mention(unique + "2", "tweede"),
                directMessage(unique + "3", "4004")), unique + "1", unique + "2", unique + "3");
    }

    @Override
    protected WebhookDelivery signedUnmappable(String unique) {
        return delivery("{\"tweet_create_events\":[],\"note\":\"no for_user_id " + unique + "\"}");
    }

    @Override
    protected WebhookDelivery signedBody(byte[] body) {
        return delivery(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }


    @Test
    void crcChallengeIsAnsweredWithTheConsumerSecret() {
        String expected = SignatureScheme.X.sign(CONSUMER_SECRET, "9b4507b3-9040-4669-9ca3-6b94edb50553".getBytes(StandardCharsets.UTF_8));
        RestAssured.given().queryParam("crc_token", "9b4507b3-9040-4669-9ca3-6b94edb50553").get("/webhooks/x")
                .then().statusCode(200).body("response_token", equalTo(expected));
    }

    /**
     * The CRC answer is the HMAC the POST signature uses: asking for the answer to a JSON body was a way to sign
     * forged activity. Only tokens shaped like X's are answered, and their answer signs no body.
     */
    @Test
    void crcAnswerCannotBeUsedToForgeActivity() {
        String unique = unique();
        String forged = activity(mention(unique, "vervalst bericht"), "");
        RestAssured.given().queryParam("crc_token", forged).get("/webhooks/x").then().statusCode(400)
                .body("response_token", nullValue());
        RestAssured.given().queryParam("crc_token", "a".repeat(65)).get("/webhooks/x").then().statusCode(400);

        String answerForAToken = RestAssured.given().queryParam("crc_token", unique).get("/webhooks/x")
                .then().statusCode(200).extract().path("response_token");
        WebhookDelivery delivery = new WebhookDelivery("/webhooks/x", "application/json", utf8(forged),
                Map.of("x-twitter-webhooks-signature", answerForAToken), "x-twitter-webhooks-signature",
                List.of(ContactIds.of(Channel.SOCIAL, unique)));
        assertProblem(delivery.post(), 401);
        assertThat(published(delivery)).isEmpty();
        assertThat(unmapped(delivery)).isEmpty();
    }

    @Test
    void mentionIsPublicDirectMessageIsPrivateOwnMessagesAreSkipped() {
        String unique = unique();
        String body = activity(mention(unique + "1", "help") + "," + ownPost(unique + "own"),
                directMessage(unique + "2", "4004") + "," + directMessage(unique + "3", ACCOUNT));
        WebhookDelivery delivery = delivery(body, unique + "1", unique + "2", unique + "own",
                unique + "3");
        delivery.post().statusCode(200);

        Map<String, ConsumerRecord<String, String>> byId = published(delivery).stream()
                .collect(Collectors.toMap(r -> InboundTopic.field(r, "providerMessageId"), r -> r));
        assertThat(byId).containsOnlyKeys(unique + "1", unique + "2");
        assertThat(byId.get(unique + "1").key()).isEqualTo("handle:x:janjansen");
        assertThat(byId.get(unique + "1").value()).contains("\"public\":true");
        assertThat(byId.get(unique + "2").key()).isEqualTo("handle:x:pietp");
        assertThat(byId.get(unique + "2").value()).contains("\"public\":false").contains("\"text\":\"dm text\"");
        // What a reply is addressed with: the author's user id (DM conversation) and, for a post, its id.
        assertThat(byId.get(unique + "1").value()).contains("\"senderId\":\"2002\"").contains("\"kind\":\"mention\"");
        assertThat(byId.get(unique + "2").value()).contains("\"senderId\":\"4004\"")
                .contains("\"kind\":\"direct-message\"").contains("\"account\":\"" + ACCOUNT + "\"");
    }

    /**
     * X's read receipt as the Account Activity API documents it: the customer read the conversation up to our
     * direct message, which becomes READ on contacts.delivery. The account reading the customer's messages is not
     * a status of a reply.
     */
    @Test
    void customersReadReceiptIsAReadStatusOfOurDirectMessage() {
        String ours = "18" + System.nanoTime();
        String theirs = "19" + System.nanoTime();
        String body = """
                {"for_user_id":"%s","direct_message_mark_read_events":[
                  {"created_timestamp":"1795341700000","sender_id":"4004","target":{"recipient_id":"%s"},"last_read_event_id":"%s"},
                  {"created_timestamp":"1795341700000","sender_id":"%s","target":{"recipient_id":"4004"},"last_read_event_id":"%s"}],
                 "users":{"4004":{"id":"4004","name":"Piet P","screen_name":"PietP"}}}
                """.formatted(ACCOUNT, ACCOUNT, ours, ACCOUNT, theirs);
        WebhookDelivery delivery = delivery(body);
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> statuses = new InboundTopic(kafka, Topics.CONTACTS_DELIVERY)
                .records("providerMessageId", List.of(ours, theirs), 1, Duration.ofSeconds(10));
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).key()).isEqualTo(ours);
        assertThat(InboundTopic.field(statuses.get(0), "state")).isEqualTo("READ");
        assertThat(InboundTopic.field(statuses.get(0), "provider")).isEqualTo("x");
        assertThat(InboundTopic.field(statuses.get(0), "occurredAt")).isEqualTo("2026-11-22T10:01:40Z");
        assertThat(unmapped(delivery)).isEmpty();
    }

    /**
     * The customer chose an option of a survey's quick reply: the direct message carries
     * {@code quick_reply_response.metadata}, and is a SurveyResponse on contacts.feedback, not a contact.
     */
    @Test
    void quickReplyResponseToASurveyIsASurveyResponseAndNoContact() {
        String unique = unique();
        String surveyId = "survey-" + unique;
        WebhookDelivery delivery = delivery(activity("", surveyAnswer(unique, "SURVEY:" + surveyId + ":6")), unique);
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> answers = new InboundTopic(kafka, Topics.CONTACTS_FEEDBACK)
                .records("surveyId", List.of(surveyId), 1, Duration.ofSeconds(10));
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.key()).isEqualTo(surveyId);
            assertThat(InboundTopic.field(answer, "score")).isEqualTo("6");
            assertThat(InboundTopic.field(answer, "provider")).isEqualTo("x");
            assertThat(InboundTopic.field(answer, "providerMessageId")).isEqualTo(unique);
            assertThat(InboundTopic.field(answer, "answeredAt")).isEqualTo("2026-11-22T10:00:00Z");
        });
        assertThat(published(delivery)).isEmpty();
        assertThat(unmapped(delivery)).isEmpty();
    }

    @Test
    void surveyAnswerWithoutAScoreIsKeptUnmapped() {
        String unique = unique();
        WebhookDelivery delivery = delivery(activity("", surveyAnswer(unique, "SURVEY:survey-" + unique + ":tien")),
                unique);
        delivery.post().statusCode(200);

        assertThat(unmapped(delivery)).singleElement()
                .satisfies(record -> assertThat(InboundTopic.field(record, "reason")).isEqualTo("invalid-value"));
        assertThat(published(delivery)).isEmpty();
    }

    /** A direct message event as the Account Activity API sends it for a chosen quick reply option. */
    private static String surveyAnswer(String id, String metadata) {
        return """
                {"type":"message_create","id":"%s","created_timestamp":"1795341600000",
                 "message_create":{"target":{"recipient_id":"%s"},"sender_id":"4004",
                  "message_data":{"text":"6","entities":{"hashtags":[],"symbols":[],"urls":[],"user_mentions":[]},
                   "quick_reply_response":{"type":"options","metadata":"%s"}}}}
                """.formatted(id, ACCOUNT, metadata);
    }

    private static String activity(String posts, String directMessages) {
        return """
                {"for_user_id":"%s","tweet_create_events":[%s],"direct_message_events":[%s],
                 "users":{"4004":{"id":"4004","name":"Piet P","screen_name":"PietP"},"%s":{"id":"%s","name":"Shop","screen_name":"shop"}}}
                """.formatted(ACCOUNT, posts, directMessages, ACCOUNT, ACCOUNT);
    }

    private static String mention(String id, String text) {
        return """
                {"id_str":"%s","text":"%s","timestamp_ms":"1795341600000","user":{"id_str":"2002","screen_name":"JanJansen","name":"Jan Jansen"}}
                """.formatted(id, text);
    }

    private static String ownPost(String id) {
        return """
                {"id_str":"%s","text":"we helpen je graag","user":{"id_str":"%s","screen_name":"shop","name":"Shop"}}
                """.formatted(id, ACCOUNT);
    }

    private static String directMessage(String id, String sender) {
        return """
                {"type":"message_create","id":"%s","created_timestamp":"1795341600000",
                 "message_create":{"target":{"recipient_id":"0"},"sender_id":"%s","message_data":{"text":"dm text"}}}
                """.formatted(id, sender);
    }

    private static WebhookDelivery delivery(String body, String... providerIds) {
        byte[] bytes = utf8(body);
        return new WebhookDelivery("/webhooks/x", "application/json", bytes,
                Map.of("x-twitter-webhooks-signature", SignatureScheme.X.sign(CONSUMER_SECRET, bytes)),
                "x-twitter-webhooks-signature", Arrays.stream(providerIds).map(id -> ContactIds.of(Channel.SOCIAL, id)).toList());
    }
}
