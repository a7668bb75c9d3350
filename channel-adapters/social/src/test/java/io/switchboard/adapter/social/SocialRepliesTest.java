package io.switchboard.adapter.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.social.ProviderApis.InjectApis;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.adapter.social.ProviderApis.GRAPH_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Social customers answered end to end on the real broker: a signed webhook becomes a contact on
 * {@code contacts.inbound}; the agent's reply to it (addressed with that contact's metadata, as the work-service
 * passes it on) goes on {@code contacts.outbound}; the outbound loop posts it to the provider's API (WireMock) and
 * publishes the outcome on {@code contacts.delivery}; the provider's receipt webhook follows it up.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ProviderApis.class, scope = TestResourceScope.GLOBAL)
class SocialRepliesTest extends BrokerTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String PAGE = "1234567890";

    @InjectApis
    WireMockServer apis;


    @Test
    void messengerCustomerIsAnsweredAndTheReceiptMarksTheReplyDelivered() throws Exception {
        String unique = Replies.unique();
        String psid = "psid-" + unique;
        ContactReceived question = messengerCustomer(unique, "Waar blijft mijn bestelling?", "m_out_" + unique);

        OutboundMessage reply = Replies.answering(question, "Hij komt morgen.", false);
        publish(reply);

        ReplyStatus sent = single(reply);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.provider()).isEqualTo("facebook");
        assertThat(sent.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(sent.providerMessageId()).isEqualTo("m_out_" + unique);
        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withHeader("Authorization", equalTo("Bearer test-page-token"))
                .withRequestBody(equalToJson("""
                        {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"Hij komt morgen."}}
                        """.formatted(psid))));

        postMeta("""
                {"object":"page","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},"recipient":{"id":"%s"},
                 "timestamp":%d,"delivery":{"mids":["m_out_%s"],"watermark":%d}}]}]}
                """.formatted(PAGE, now(), psid, PAGE, now(), unique, now()));
        var receipts = new InboundTopic(kafka, Topics.CONTACTS_DELIVERY).records("providerMessageId",
                List.of("m_out_" + unique), 2, WITHIN);
        assertThat(receipts).extracting(record -> InboundTopic.field(record, "state")).containsExactly("SENT", "DELIVERED");
        assertThat(receipts).extracting(record -> record.key()).containsOnly("m_out_" + unique);
    }

    @Test
    void xMentionIsAnsweredWithAReplyPost() throws Exception {
        String tweet = "1850" + System.nanoTime();
        postX("""
                {"for_user_id":"3001","tweet_create_events":[{"id_str":"%s","text":"@shop mijn pakket is kwijt",
                 "timestamp_ms":"%d","user":{"id_str":"2002","screen_name":"JanJansen","name":"Jan Jansen"}}]}
                """.formatted(tweet, now()));
        ContactReceived mention = contact(tweet);
        apis.stubFor(post(urlEqualTo("/2/tweets"))
                .withRequestBody(equalToJson("{\"reply\":{\"in_reply_to_tweet_id\":\"" + tweet + "\"}}", true, true))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"id\":\"" + tweet + "7\",\"text\":\"Sorry!\"}}")));

        OutboundMessage reply = Replies.answering(mention, "Sorry! Stuur ons een DM met je ordernummer.", false);
        publish(reply);

        ReplyStatus sent = single(reply);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.provider()).isEqualTo("x");
        assertThat(sent.providerMessageId()).isEqualTo(tweet + "7");
        apis.verify(1, postRequestedFor(urlEqualTo("/2/tweets"))
                .withHeader("Authorization", equalTo("Bearer test-x-user-token"))
                .withRequestBody(equalToJson("""
                        {"text":"Sorry! Stuur ons een DM met je ordernummer.","reply":{"in_reply_to_tweet_id":"%s"}}
                        """.formatted(tweet))));
    }

    @Test
    void graphOutageThenSuccessIsOneDelivery() throws Exception {
        String comment = PAGE + "_" + Replies.unique();
        String path = GRAPH_VERSION + "/" + comment + "/comments";
        outageThenSuccess(path, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2,"
                + "\"is_transient\":true}}", okJson("{\"id\":\"" + comment + "_9\"}"));

        OutboundMessage reply = Replies.to("facebook", comment, true,
                Map.of("account", PAGE, "kind", "feed/comment", "senderId", "998877"), "We bellen u vandaag.");
        publish(reply);

        ReplyStatus sent = single(reply);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.providerMessageId()).isEqualTo(comment + "_9");
        apis.verify(2, postRequestedFor(urlEqualTo(path)));
        assertThat(apis.findAll(postRequestedFor(urlEqualTo(path)))).extracting(request -> request.getBodyAsString())
                .containsOnly("{\"message\":\"We bellen u vandaag.\"}");
    }

    @Test
    void xOutageThenSuccessIsOneDelivery() throws Exception {
        String user = "42" + System.nanoTime();
        String path = "/2/dm_conversations/with/" + user + "/messages";
        outageThenSuccess(path, "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\",\"status\":503}",
                aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"dm_conversation_id\":\"3001-" + user + "\",\"dm_event_id\":\"dm" + user + "\"}}"));

        OutboundMessage reply = Replies.to("x", "1583" + user, false,
                Map.of("account", "3001", "kind", "direct-message", "senderId", user), "We zoeken het uit.");
        publish(reply);

        ReplyStatus sent = single(reply);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.provider()).isEqualTo("x");
        assertThat(sent.providerMessageId()).isEqualTo("dm" + user);
        apis.verify(2, postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("{\"text\":\"We zoeken het uit.\"}")));
    }

    @Test
    void xRefusalFailsTheReplyWithXsProblemAfterOneRequest() throws Exception {
        String tweet = "1851" + System.nanoTime();
        apis.stubFor(post(urlEqualTo("/2/tweets"))
                .withRequestBody(equalToJson("{\"reply\":{\"in_reply_to_tweet_id\":\"" + tweet + "\"}}", true, true))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Forbidden","type":"about:blank","status":403,
                         "detail":"You attempted to reply to a Tweet that is deleted or not visible to you."}
                        """)));

        OutboundMessage reply = Replies.to("x", tweet, true,
                Map.of("account", "3001", "kind", "mention", "senderId", "2002"), "Sorry!");
        publish(reply);

        ReplyStatus failed = single(reply);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.error())
                .isEqualTo("403 Forbidden: You attempted to reply to a Tweet that is deleted or not visible to you.");
        apis.verify(1, postRequestedFor(urlEqualTo("/2/tweets"))
                .withRequestBody(equalToJson("{\"reply\":{\"in_reply_to_tweet_id\":\"" + tweet + "\"}}", true, true)));
    }

    @Test
    void graphRefusalFailsTheReplyWithMetasErrorAfterOneRequest() throws Exception {
        String comment = "1790" + Replies.unique();
        String path = GRAPH_VERSION + "/" + comment + "/replies";
        apis.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#100) The comment has been deleted","type":"OAuthException",
                         "code":100,"error_subcode":33,"fbtrace_id":"Xy"}}
                        """)));

        OutboundMessage reply = Replies.to("instagram", comment, true,
                Map.of("account", "17841400000000000", "kind", "comments", "senderId", "232323"), "Dank je!");
        publish(reply);

        ReplyStatus failed = single(reply);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.error()).isEqualTo("400 code 100/33: (#100) The comment has been deleted");
        assertThat(failed.providerMessageId()).isNull();
        apis.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    /**
     * Meta took the request but did not answer in time: it may have posted the comment, and the Graph API takes no
     * idempotency key, so the reply is UNCONFIRMED and not sent again; the agent decides.
     */
    @Test
    void providerSilentAfterTheRequestLeavesTheReplyUnconfirmedAndSendsItOnce() throws Exception {
        String comment = PAGE + "_" + Replies.unique();
        String path = GRAPH_VERSION + "/" + comment + "/comments";
        apis.stubFor(post(urlEqualTo(path)).willReturn(okJson("{\"id\":\"" + comment + "_late\"}").withFixedDelay(4000)));

        OutboundMessage reply = Replies.to("facebook", comment, true,
                Map.of("account", PAGE, "kind", "feed/comment", "senderId", "998877"), "We kijken ernaar.");
        publish(reply);

        ReplyStatus unconfirmed = single(reply);
        assertThat(unconfirmed.state()).isEqualTo(DeliveryState.UNCONFIRMED);
        assertThat(unconfirmed.error()).contains("timeout");
        assertThat(unconfirmed.providerMessageId()).isNull();
        apis.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void answerAfterTheHumanAgentWindowFailsWithoutCallingMeta() throws Exception {
        String psid = "psid-" + Replies.unique();
        OutboundMessage reply = SocialSendersTest.messengerDm(psid, Duration.ofDays(8));
        publish(reply);

        ReplyStatus failed = single(reply);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.error()).startsWith("window closed");
        apis.verify(0, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + psid + "\"}}", true, true)));
    }

    /**
     * The survey's round trip on the real broker: a SURVEY for a Messenger customer goes out with its quick replies
     * and is SENT under the survey id; the customer's tap comes back as a SurveyResponse on contacts.feedback and
     * nothing new on contacts.inbound.
     */
    @Test
    void messengerSurveyGoesOutAndTheTappedScoreComesBackAsFeedback() throws Exception {
        String unique = Replies.unique();
        String psid = "psid-" + unique;
        ContactReceived question = messengerCustomer(unique, "Bedankt, opgelost!", "m_survey_" + unique);
        String surveyId = "survey-" + unique;
        OutboundMessage survey = Replies.survey("facebook", question.providerMessageId(), false, Duration.ofMinutes(3),
                question.metadata(), surveyId);
        publish(survey);

        ReplyStatus sent = single(survey);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.replyId()).isEqualTo(surveyId);
        assertThat(sent.providerMessageId()).isEqualTo("m_survey_" + unique);
        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .withRequestBody(matchingJsonPath("$.message.quick_replies.length()", equalTo("11")))
                .withRequestBody(matchingJsonPath("$.message.quick_replies[10].payload",
                        equalTo("SURVEY:" + surveyId + ":10"))));

        postMeta("""
                {"object":"page","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},"recipient":{"id":"%s"},
                 "timestamp":%d,"message":{"mid":"m_answer_%s","text":"10","quick_reply":{"payload":"SURVEY:%s:10"}}}]}]}
                """.formatted(PAGE, now(), psid, PAGE, now(), unique, surveyId));
        var answers = new InboundTopic(kafka, Topics.CONTACTS_FEEDBACK).records("surveyId", List.of(surveyId), 1, WITHIN);
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(InboundTopic.field(answer, "score")).isEqualTo("10");
            assertThat(InboundTopic.field(answer, "providerMessageId")).isEqualTo("m_answer_" + unique);
        });
        assertThat(new InboundTopic(kafka, Topics.CONTACTS_INBOUND).upToNow("contactId",
                List.of(ContactIds.of(Channel.SOCIAL, "m_answer_" + unique)))).isEmpty();
    }

    /**
     * On X the survey is a v1.1 direct message event with quick reply options, SENT under the survey id with the
     * event id; the option the customer chooses comes back in a signed DM event as a SurveyResponse, not a contact.
     */
    @Test
    void xSurveyGoesOutAsADirectMessageEventAndTheChosenOptionComesBackAsFeedback() throws Exception {
        String user = "44" + System.nanoTime();
        String dm = "1586" + System.nanoTime();
        postX("""
                {"for_user_id":"3001","direct_message_events":[{"type":"message_create","id":"%s","created_timestamp":"%d",
                 "message_create":{"target":{"recipient_id":"3001"},"sender_id":"%s","message_data":{"text":"Top, dank!"}}}],
                 "users":{"%s":{"id":"%s","name":"Piet P","screen_name":"PietP"}}}
                """.formatted(dm, now(), user, user, user));
        ContactReceived question = contact(dm);
        apis.stubFor(post(urlEqualTo("/1.1/direct_messages/events/new.json"))
                .withRequestBody(matchingJsonPath("$.event.message_create.target.recipient_id", equalTo(user)))
                .willReturn(okJson("{\"event\":{\"type\":\"message_create\",\"id\":\"dm-survey-" + user + "\"}}")));
        String surveyId = "survey-" + user;
        OutboundMessage survey = Replies.survey("x", question.providerMessageId(), false, Duration.ofMinutes(2),
                question.metadata(), surveyId);
        publish(survey);

        ReplyStatus sent = single(survey);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.replyId()).isEqualTo(surveyId);
        assertThat(sent.providerMessageId()).isEqualTo("dm-survey-" + user);

        String answer = "1587" + System.nanoTime();
        postX("""
                {"for_user_id":"3001","direct_message_events":[{"type":"message_create","id":"%s","created_timestamp":"%d",
                 "message_create":{"target":{"recipient_id":"3001"},"sender_id":"%s","message_data":{"text":"8",
                  "quick_reply_response":{"type":"options","metadata":"SURVEY:%s:8"}}}}]}
                """.formatted(answer, now(), user, surveyId));
        var answers = new InboundTopic(kafka, Topics.CONTACTS_FEEDBACK).records("surveyId", List.of(surveyId), 1, WITHIN);
        assertThat(answers).singleElement().satisfies(record -> {
            assertThat(InboundTopic.field(record, "score")).isEqualTo("8");
            assertThat(InboundTopic.field(record, "provider")).isEqualTo("x");
        });
        assertThat(new InboundTopic(kafka, Topics.CONTACTS_INBOUND).upToNow("contactId",
                List.of(ContactIds.of(Channel.SOCIAL, answer)))).isEmpty();
    }

    /** The work-service surveys no public comment; should one arrive, it is FAILED saying why, and nothing is posted. */
    @Test
    void surveyOfAPublicCommentFailsVisibly() throws Exception {
        String comment = PAGE + "_" + Replies.unique();
        OutboundMessage survey = Replies.survey("facebook", comment, true, Duration.ofMinutes(5),
                Map.of("account", PAGE, "kind", "feed/comment", "senderId", "998877"), "survey-" + comment);
        publish(survey);

        ReplyStatus failed = single(survey);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.error()).startsWith("surveys are asked in direct messages only");
        apis.verify(0, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + comment + "/comments")));
    }

    /** The provider answers the first request with 503 and its error, every later one with {@code success}. */
    private void outageThenSuccess(String path, String error, ResponseDefinitionBuilder success) {
        String scenario = "outage " + path;
        apis.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(error))
                .willSetStateTo("up"));
        apis.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("up").willReturn(success));
    }

    /**
     * A Messenger customer {@code psid-<unique>} writes {@code text} (a signed webhook, read back as the contact), and
     * the Send API will answer messages to them with {@code sentMessageId}.
     */
    private ContactReceived messengerCustomer(String unique, String text, String sentMessageId)
            throws JsonProcessingException {
        String psid = "psid-" + unique;
        apis.stubFor(post(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + psid + "\"}}", true, true))
                .willReturn(okJson("{\"recipient_id\":\"" + psid + "\",\"message_id\":\"" + sentMessageId + "\"}")));
        return metaContact("""
                {"object":"page","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},"recipient":{"id":"%s"},
                 "timestamp":%d,"message":{"mid":"m_in_%s","text":"%s"}}]}]}
                """.formatted(PAGE, now(), psid, PAGE, now(), unique, text), "m_in_" + unique);
    }

    private ContactReceived metaContact(String notification, String providerMessageId) throws JsonProcessingException {
        postMeta(notification);
        return contact(providerMessageId);
    }

    private void postMeta(String notification) {
        byte[] body = notification.getBytes(StandardCharsets.UTF_8);
        RestAssured.given().contentType("application/json").body(body)
                .header("X-Hub-Signature-256", SignatureScheme.META.sign("local-meta-app-secret", body))
                .post("/webhooks/meta").then().statusCode(200);
    }

    private void postX(String activity) {
        byte[] body = activity.getBytes(StandardCharsets.UTF_8);
        RestAssured.given().contentType("application/json").body(body)
                .header("x-twitter-webhooks-signature", SignatureScheme.X.sign("local-x-consumer-secret", body))
                .post("/webhooks/x").then().statusCode(200);
    }

    private ContactReceived contact(String providerMessageId) throws JsonProcessingException {
        var records = new InboundTopic(kafka, Topics.CONTACTS_INBOUND).records("contactId",
                List.of(ContactIds.of(Channel.SOCIAL, providerMessageId)), 1, WITHIN);
        assertThat(records).hasSize(1);
        return Json.mapper().readValue(records.get(0).value(), ContactReceived.class);
    }

    private void publish(OutboundMessage reply) throws JsonProcessingException {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_OUTBOUND, reply.contactId(),
                Json.mapper().writeValueAsString(reply))).awaitCompletion();
    }

    /** The reply's one outcome on contacts.delivery; a second one (a retry storm, a double send) fails the test. */
    private ReplyStatus single(OutboundMessage reply) throws JsonProcessingException {
        var statuses = new InboundTopic(kafka, Topics.CONTACTS_DELIVERY).records("replyId", List.of(reply.replyId()), 1,
                WITHIN);
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).key()).as("keyed by the provider's message id, else the reply id")
                .isIn(reply.replyId(), InboundTopic.field(statuses.get(0), "providerMessageId"));
        return Json.mapper().readValue(statuses.get(0).value(), ReplyStatus.class);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
