package io.switchboard.adapter.social;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.social.ProviderApis.InjectApis;
import io.switchboard.adapter.social.outbound.MetaCommentSender;
import io.switchboard.adapter.social.outbound.MetaMessageSender;
import io.switchboard.adapter.social.outbound.XReplySender;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.runtime.test.SwitchboardTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.switchboard.adapter.social.ProviderApis.GRAPH_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each kind of social reply on the wire, as Meta's Graph API and the X API v2 document the requests: path, bearer
 * token and body, against WireMock on a real port; the provider's id of what it created is the provider message id.
 * Window rules and the providers' refusals are failures the outbound loop can tell apart (retry or FAILED).
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ProviderApis.class, scope = TestResourceScope.GLOBAL)
class SocialSendersTest {

    static final String PAGE = "1234567890";
    static final String IG_ACCOUNT = "17841400000000000";
    static final String PAGE_TOKEN = "Bearer test-page-token";
    static final String X_TOKEN = "Bearer test-x-user-token";

    @InjectApis
    WireMockServer apis;

    @Inject
    MetaMessageSender messages;
    @Inject
    MetaCommentSender comments;
    @Inject
    XReplySender x;

    @Test
    void messengerAnswerWithin24HoursIsAResponse() {
        String psid = "psid-" + Replies.unique();
        stubGraph("/" + PAGE + "/messages", "{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_out_" + psid + "\"}");

        String mid = send(messages, messengerDm(psid, Duration.ofHours(23)));

        assertThat(mid).isEqualTo("m_out_" + psid);
        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withHeader("Authorization", equalTo(PAGE_TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"Uw pakket komt morgen."}}
                        """.formatted(psid))));
    }

    @Test
    void messengerAnswerAfter24HoursCarriesTheHumanAgentTag() {
        String psid = "psid-" + Replies.unique();
        stubGraph("/" + PAGE + "/messages", "{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_tag\"}");

        send(messages, messengerDm(psid, Duration.ofDays(3)));

        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(equalToJson("""
                        {"recipient":{"id":"%s"},"messaging_type":"MESSAGE_TAG","tag":"HUMAN_AGENT",
                         "message":{"text":"Uw pakket komt morgen."}}
                        """.formatted(psid))));
    }

    @Test
    void messengerAnswerAfterSevenDaysIsRefusedWithoutCallingMeta() {
        String psid = "psid-" + Replies.unique();
        ProviderException refused = catchThrowableOfType(ProviderException.class,
                () -> messages.send(messengerDm(psid, Duration.ofDays(8))));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused).hasMessageContaining("window closed");
        apis.verify(0, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + psid + "\"}}", true, true)));
    }

    @Test
    void aPageWithItsOwnTokenIsAnsweredWithIt() {
        String psid = "psid-" + Replies.unique();
        stubGraph("/777000/messages", "{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_777\"}");
        OutboundMessage reply = Replies.to("facebook", "m_in_" + psid, false,
                Map.of("account", "777000", "kind", "direct-message", "senderId", psid), "Hallo!");

        send(messages, reply);

        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/777000/messages"))
                .withHeader("Authorization", equalTo("Bearer test-token-of-page-777000"))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + psid + "\"}}", true, true)));
    }

    @Test
    void instagramAnswerGoesThroughTheLinkedPage() {
        String igsid = "igsid-" + Replies.unique();
        stubGraph("/me/messages", "{\"recipient_id\":\"" + igsid + "\",\"message_id\":\"ig_out_" + igsid + "\"}");
        OutboundMessage reply = Replies.to("instagram", "ig_in_" + igsid, false,
                Map.of("account", IG_ACCOUNT, "kind", "direct-message", "senderId", igsid), "Dank voor je bericht!");

        assertThat(send(messages, reply)).isEqualTo("ig_out_" + igsid);
        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/me/messages"))
                .withHeader("Authorization", equalTo(PAGE_TOKEN))
                .withRequestBody(equalToJson("""
                        {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"Dank voor je bericht!"}}
                        """.formatted(igsid))));
    }

    /** A Page comment gets a comment under it, an Instagram comment a reply: both public, with the Page's token. */
    @ParameterizedTest
    @CsvSource({"facebook, " + PAGE + ", feed/comment, comments", "instagram, " + IG_ACCOUNT + ", comments, replies"})
    void publicCommentIsAnsweredUnderIt(String network, String account, String kind, String edge) {
        String comment = account + "_" + Replies.unique();
        stubGraph("/" + comment + "/" + edge, "{\"id\":\"" + comment + "_answer\"}");
        OutboundMessage reply = Replies.to(network, comment, true,
                Map.of("account", account, "kind", kind, "senderId", "998877"), "Sorry! We bellen u vandaag.");

        assertThat(send(comments, reply)).isEqualTo(comment + "_answer");
        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + comment + "/" + edge))
                .withHeader("Authorization", equalTo(PAGE_TOKEN))
                .withRequestBody(equalToJson("{\"message\":\"Sorry! We bellen u vandaag.\"}")));
    }

    @Test
    void pageCommentAnsweredInPrivateIsAPrivateReplyThroughTheSendApi() {
        String comment = PAGE + "_" + Replies.unique();
        stubGraph("/" + PAGE + "/messages", "{\"recipient_id\":\"998877\",\"message_id\":\"m_private_" + comment + "\"}");
        OutboundMessage reply = Replies.to("facebook", comment, true, Duration.ofDays(2),
                Map.of("account", PAGE, "kind", "feed/comment", "senderId", "998877"), "Mag ik uw ordernummer?", true);

        assertThat(messages.delivers(reply)).isTrue();
        assertThat(comments.delivers(reply)).isFalse();
        assertThat(send(messages, reply)).isEqualTo("m_private_" + comment);
        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(equalToJson("""
                        {"recipient":{"comment_id":"%s"},"message":{"text":"Mag ik uw ordernummer?"}}
                        """.formatted(comment))));
    }

    @Test
    void visitorPostAnsweredInPrivateNamesThePost() {
        String post = PAGE + "_" + Replies.unique();
        stubGraph("/" + PAGE + "/messages", "{\"recipient_id\":\"998877\",\"message_id\":\"m_private_" + post + "\"}");
        OutboundMessage reply = Replies.to("facebook", post, true, Duration.ofHours(3),
                Map.of("account", PAGE, "kind", "feed/status", "senderId", "998877"), "We sturen u een bericht.", true);

        assertThat(send(messages, reply)).isEqualTo("m_private_" + post);
        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(equalToJson("""
                        {"recipient":{"post_id":"%s"},"message":{"text":"We sturen u een bericht."}}
                        """.formatted(post))));
    }

    @Test
    void instagramMentionIsAnsweredOnTheMentioningMedia() {
        String comment = "1791" + Replies.unique();
        stubGraph("/" + IG_ACCOUNT + "/mentions", "{\"id\":\"" + comment + "1\"}");
        OutboundMessage reply = Replies.to("instagram", comment, true,
                Map.of("account", IG_ACCOUNT, "kind", "mentions", "mediaId", "555"), "Bedankt voor de vermelding!");

        assertThat(send(comments, reply)).isEqualTo(comment + "1");
        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + IG_ACCOUNT + "/mentions"))
                .withRequestBody(equalToJson("""
                        {"comment_id":"%s","media_id":"555","message":"Bedankt voor de vermelding!"}
                        """.formatted(comment))));
    }

    @Test
    void xDirectMessageIsAnsweredInTheConversationWithTheCustomer() {
        String user = "40" + System.nanoTime();
        apis.stubFor(post(urlEqualTo("/2/dm_conversations/with/" + user + "/messages")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"dm_conversation_id\":\"3001-" + user + "\",\"dm_event_id\":\"dm" + user + "\"}}")));
        OutboundMessage reply = Replies.to("x", "1580" + user, false,
                Map.of("account", "3001", "kind", "direct-message", "senderId", user), "We zoeken het uit.");

        assertThat(send(x, reply)).isEqualTo("dm" + user);
        apis.verify(1, postRequestedFor(urlEqualTo("/2/dm_conversations/with/" + user + "/messages"))
                .withHeader("Authorization", equalTo(X_TOKEN))
                .withRequestBody(equalToJson("{\"text\":\"We zoeken het uit.\"}")));
    }

    @Test
    void xMentionIsAnsweredWithAReplyPost() {
        String tweet = "1850" + System.nanoTime();
        apis.stubFor(post(urlEqualTo("/2/tweets"))
                .withRequestBody(equalToJson("{\"reply\":{\"in_reply_to_tweet_id\":\"" + tweet + "\"}}", true, true))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"id\":\"" + tweet + "1\",\"text\":\"@JanJansen Sorry!\"}}")));
        OutboundMessage reply = Replies.to("x", tweet, true,
                Map.of("account", "3001", "kind", "mention", "senderId", "2002"), "Sorry! Stuur ons een DM.");

        assertThat(send(x, reply)).isEqualTo(tweet + "1");
        apis.verify(1, postRequestedFor(urlEqualTo("/2/tweets"))
                .withHeader("Authorization", equalTo(X_TOKEN))
                .withRequestBody(equalToJson("""
                        {"text":"Sorry! Stuur ons een DM.","reply":{"in_reply_to_tweet_id":"%s"}}
                        """.formatted(tweet))));
    }

    @Test
    void graphRefusalIsNotRetriedAndCarriesMetasError() {
        String psid = "psid-" + Replies.unique();
        apis.stubFor(post(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + psid + "\"}}", true, true))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#10) This message is sent outside of allowed window.",
                         "type":"OAuthException","code":10,"error_subcode":2018278,"fbtrace_id":"AbC"}}
                        """)));

        ProviderException refused = catchThrowableOfType(ProviderException.class,
                () -> messages.send(messengerDm(psid, Duration.ofHours(1))));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused).hasMessage("400 code 10/2018278: (#10) This message is sent outside of allowed window.");
    }

    @Test
    void graphOutageAndThrottlingAreRetryable() {
        String comment = PAGE + "_" + Replies.unique();
        apis.stubFor(post(urlEqualTo(GRAPH_VERSION + "/" + comment + "/comments")).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\","
                        + "\"code\":2,\"is_transient\":true}}")));
        String throttled = PAGE + "_" + Replies.unique();
        apis.stubFor(post(urlEqualTo(GRAPH_VERSION + "/" + throttled + "/comments")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#32) Page request limit reached\",\"code\":32}}")));

        assertThat(catchThrowableOfType(ProviderException.class, () -> comments.send(pageComment(comment))).retryable())
                .isTrue();
        assertThat(catchThrowableOfType(ProviderException.class, () -> comments.send(pageComment(throttled))))
                .hasMessageContaining("code 32").extracting(ProviderException::retryable).isEqualTo(true);
    }

    @Test
    void xRefusalCarriesTheProblemDetail() {
        String user = "41" + System.nanoTime();
        apis.stubFor(post(urlEqualTo("/2/dm_conversations/with/" + user + "/messages")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Forbidden","type":"about:blank","status":403,
                         "detail":"You are not permitted to send a message to this user."}
                        """)));
        OutboundMessage reply = Replies.to("x", "1581" + user, false,
                Map.of("account", "3001", "kind", "direct-message", "senderId", user), "Hallo");

        ProviderException refused = catchThrowableOfType(ProviderException.class, () -> x.send(reply));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused).hasMessage("403 Forbidden: You are not permitted to send a message to this user.");
    }

    @Test
    void replyToAContactWithoutTheNewMetadataFailsNamingWhatIsMissing() {
        OutboundMessage reply = Replies.to("x", "1582" + Replies.unique(), false,
                Map.of("account", "3001", "kind", "direct-message"), "Hallo");

        ProviderException refused = catchThrowableOfType(ProviderException.class, () -> x.send(reply));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused).hasMessageContaining("'senderId'");
    }

    @Test
    void eachReplyHasExactlyOneSender() {
        OutboundMessage dm = messengerDm("psid-1", Duration.ofHours(1));
        OutboundMessage comment = pageComment(PAGE + "_1");
        OutboundMessage tweet = Replies.to("x", "1", true, Map.of("account", "3001", "kind", "mention"), "Hoi");
        OutboundMessage whatsapp = Replies.to("whatsapp", "wamid.1", false, Map.of(), "Hoi");

        assertThat(messages.delivers(dm) && !comments.delivers(dm) && !x.delivers(dm)).isTrue();
        assertThat(!messages.delivers(comment) && comments.delivers(comment) && !x.delivers(comment)).isTrue();
        assertThat(!messages.delivers(tweet) && !comments.delivers(tweet) && x.delivers(tweet)).isTrue();
        assertThat(messages.delivers(whatsapp) || comments.delivers(whatsapp) || x.delivers(whatsapp)).isFalse();
    }

    /** The survey as Meta documents quick replies: the question with eleven text quick replies "0".."10". */
    @ParameterizedTest
    @CsvSource({"facebook, " + PAGE + ", /" + PAGE + "/messages", "instagram, " + IG_ACCOUNT + ", /me/messages"})
    void surveyIsTheQuestionWithElevenQuickReplies(String network, String account, String path) {
        String customer = "sid-" + Replies.unique();
        String surveyId = "survey-" + customer;
        stubGraph(path, "{\"recipient_id\":\"" + customer + "\",\"message_id\":\"m_survey_" + customer + "\"}");
        OutboundMessage survey = Replies.survey(network, "m_in_" + customer, false, Duration.ofHours(2),
                Map.of("account", account, "kind", "direct-message", "senderId", customer), surveyId);

        assertThat(comments.delivers(survey) || x.delivers(survey)).isFalse();
        assertThat(send(messages, survey)).isEqualTo("m_survey_" + customer);
        StringBuilder quickReplies = new StringBuilder();
        for (int score = 0; score <= 10; score++) {
            quickReplies.append(score == 0 ? "" : ",").append("""
                    {"content_type":"text","title":"%d","payload":"SURVEY:%s:%d"}""".formatted(score, surveyId, score));
        }
        apis.verify(1, postRequestedFor(urlEqualTo(GRAPH_VERSION + path))
                .withHeader("Authorization", equalTo(PAGE_TOKEN))
                .withRequestBody(equalToJson("""
                        {"recipient":{"id":"%s"},"messaging_type":"RESPONSE",
                         "message":{"text":"%s","quick_replies":[%s]}}
                        """.formatted(customer, Replies.QUESTION, quickReplies))));
    }

    /** Meta's message tags exclude surveys: after the 24-hour window a survey is refused, not tagged. */
    @Test
    void surveyAfterTheStandardWindowIsRefusedWithoutCallingMeta() {
        String psid = "psid-" + Replies.unique();
        OutboundMessage survey = Replies.survey("facebook", "m_in_" + psid, false, Duration.ofHours(25),
                Map.of("account", PAGE, "kind", "direct-message", "senderId", psid), "survey-" + psid);

        ProviderException refused = catchThrowableOfType(ProviderException.class, () -> messages.send(survey));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused).hasMessageContaining("window closed: a survey may only be sent within 24 hours");
        apis.verify(0, postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + psid + "\"}}", true, true)));
    }

    /**
     * X's quick replies exist only on v1.1's direct message events: the survey goes there, signed with OAuth 1.0a
     * (OAuth1Test checks the signature against X's documented example), options "0".."10" with the survey's metadata.
     */
    @Test
    void xSurveyIsADirectMessageEventWithElevenQuickReplyOptions() {
        String user = "42" + System.nanoTime();
        String surveyId = "survey-" + user;
        apis.stubFor(post(urlEqualTo("/1.1/direct_messages/events/new.json")).willReturn(okJson("""
                {"event":{"type":"message_create","id":"dm%s","created_timestamp":"1795341600000",
                 "message_create":{"target":{"recipient_id":"%s"},"sender_id":"3001","message_data":{"text":"q"}}}}
                """.formatted(user, user))));
        OutboundMessage survey = Replies.survey("x", "1583" + user, false, Duration.ofHours(1),
                Map.of("account", "3001", "kind", "direct-message", "senderId", user), surveyId);

        assertThat(send(x, survey)).isEqualTo("dm" + user);
        StringBuilder options = new StringBuilder();
        for (int score = 0; score <= 10; score++) {
            options.append(score == 0 ? "" : ",").append("""
                    {"label":"%d","metadata":"SURVEY:%s:%d"}""".formatted(score, surveyId, score));
        }
        apis.verify(1, postRequestedFor(urlEqualTo("/1.1/direct_messages/events/new.json"))
                .withHeader("Authorization", matching("OAuth oauth_consumer_key=\"test-x-consumer-key\", "
                        + "oauth_nonce=\"[0-9a-f]{32}\", oauth_signature=\"[A-Za-z0-9%]+\", "
                        + "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"\\d+\", "
                        + "oauth_token=\"3001-test-x-oauth1-token\", oauth_version=\"1.0\""))
                .withRequestBody(equalToJson("""
                        {"event":{"type":"message_create","message_create":{"target":{"recipient_id":"%s"},
                         "message_data":{"text":"%s","quick_reply":{"type":"options","options":[%s]}}}}}
                        """.formatted(user, Replies.QUESTION, options))));
    }

    /** Public posts and comments are not surveyed: a survey addressed to one is refused before any call. */
    @Test
    void surveyOfAPublicCommentOrMentionIsRefused() {
        OutboundMessage comment = Replies.survey("facebook", PAGE + "_" + Replies.unique(), true, Duration.ofHours(1),
                Map.of("account", PAGE, "kind", "feed/comment", "senderId", "998877"), "survey-c");
        OutboundMessage mention = Replies.survey("x", "1584" + System.nanoTime(), true, Duration.ofHours(1),
                Map.of("account", "3001", "kind", "mention", "senderId", "2002"), "survey-m");

        assertThat(catchThrowableOfType(ProviderException.class, () -> send(messages, comment)))
                .hasMessageContaining("surveys are asked in direct messages only");
        assertThat(catchThrowableOfType(ProviderException.class, () -> send(x, mention)))
                .hasMessageContaining("surveys are asked in direct messages only");
    }

    /** Each attachment is a message of its own after the text, by URL, reusable; its type by content type. */
    @Test
    void messengerAttachmentsFollowTheTextEachAsAMessageByUrl() {
        String psid = "psid-" + Replies.unique();
        stubGraph("/" + PAGE + "/messages", "{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_att_" + psid + "\"}");
        OutboundMessage reply = Replies.withAttachments(messengerDm(psid, Duration.ofHours(1)), List.of(
                new Attachment("image", null, "image/png", "https://files.example.com/label.png", null),
                new Attachment("document", null, "application/pdf", "https://files.example.com/invoice.pdf", null)));

        assertThat(send(messages, reply)).isEqualTo("m_att_" + psid);
        List<String> bodies = apis.findAll(postRequestedFor(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + psid + "\"}}", true, true)))
                .stream().map(request -> request.getBodyAsString()).toList();
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0)).isEqualToIgnoringWhitespace("""
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"Uw pakket komt morgen."}}
                """.formatted(psid));
        assertThat(bodies.get(1)).isEqualToIgnoringWhitespace("""
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"image",
                 "payload":{"url":"https://files.example.com/label.png","is_reusable":true}}}}
                """.formatted(psid));
        assertThat(bodies.get(2)).isEqualToIgnoringWhitespace("""
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"file",
                 "payload":{"url":"https://files.example.com/invoice.pdf","is_reusable":true}}}}
                """.formatted(psid));
    }

    /** Once a message went out, a refusal of the next is final: retrying would send the first one again. */
    @Test
    void refusalAfterTheFirstMessageIsFinalAndSaysWhatWasSent() {
        String psid = "psid-" + Replies.unique();
        apis.stubFor(post(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(matchingJsonPath("$.message.text"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .willReturn(okJson("{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_first_" + psid + "\"}")));
        apis.stubFor(post(urlEqualTo(GRAPH_VERSION + "/" + PAGE + "/messages"))
                .withRequestBody(matchingJsonPath("$.message.attachment"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"An unexpected error has occurred.\",\"code\":2,"
                                + "\"is_transient\":true}}")));
        OutboundMessage reply = Replies.withAttachments(messengerDm(psid, Duration.ofHours(1)), List.of(
                new Attachment("image", null, "image/jpeg", "https://files.example.com/photo.jpg", null)));

        ProviderException refused = catchThrowableOfType(ProviderException.class, () -> messages.send(reply));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused).hasMessage("sent 1 of 2 messages (the first m_first_" + psid + "), then: 500 code 2: "
                + "An unexpected error has occurred.");
    }

    /** X's APIs take only media the account uploaded first, so attachments go as links in the text. */
    @Test
    void xAttachmentsGoAsLinksInTheDirectMessage() {
        String user = "43" + System.nanoTime();
        apis.stubFor(post(urlEqualTo("/2/dm_conversations/with/" + user + "/messages")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"dm_conversation_id\":\"3001-" + user + "\",\"dm_event_id\":\"dm" + user + "\"}}")));
        OutboundMessage reply = Replies.withAttachments(Replies.to("x", "1585" + user, false,
                Map.of("account", "3001", "kind", "direct-message", "senderId", user), "Hier is uw factuur."),
                List.of(new Attachment("document", null, "application/pdf", "https://files.example.com/f.pdf", null)));

        assertThat(send(x, reply)).isEqualTo("dm" + user);
        apis.verify(1, postRequestedFor(urlEqualTo("/2/dm_conversations/with/" + user + "/messages"))
                .withRequestBody(equalToJson("""
                        {"text":"Hier is uw factuur.\\nhttps://files.example.com/f.pdf"}
                        """)));
    }

    /** A comment is answered with text only: attachments are refused, not silently left out. */
    @Test
    void attachmentsOnACommentReplyAreRefused() {
        OutboundMessage reply = Replies.withAttachments(pageComment(PAGE + "_" + Replies.unique()), List.of(
                new Attachment("image", null, "image/png", "https://files.example.com/label.png", null)));

        assertThat(catchThrowableOfType(ProviderException.class, () -> comments.send(reply)))
                .hasMessageContaining("carries text only");
    }

    static OutboundMessage messengerDm(String psid, Duration ago) {
        return Replies.to("facebook", "m_in_" + psid, false, ago,
                Map.of("account", PAGE, "kind", "direct-message", "senderId", psid), "Uw pakket komt morgen.", false);
    }

    static OutboundMessage pageComment(String commentId) {
        return Replies.to("facebook", commentId, true, Map.of("account", PAGE, "kind", "feed/comment"), "Sorry!");
    }

    private void stubGraph(String path, String response) {
        apis.stubFor(post(urlEqualTo(GRAPH_VERSION + path)).willReturn(okJson(response)));
    }

    private static String send(io.switchboard.adapter.core.outbound.OutboundSender sender, OutboundMessage reply) {
        assertThat(sender.delivers(reply)).as("the sender takes this reply").isTrue();
        return sender.send(reply);
    }
}
