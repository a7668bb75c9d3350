package io.switchboard.adapter.whatsapp.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.adapter.core.outbound.InFlightMarkers;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.SurveyQuestion;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Replies to WhatsApp customers, end to end on the real broker: an {@code OutboundMessage} on
 * {@code contacts.outbound} goes out to a WireMock Cloud API on a real port exactly as Meta documents the request,
 * and what became of it arrives as a {@code ReplyStatus} on {@code contacts.delivery}; so do the statuses of
 * Meta's signed webhooks.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CloudApiStub.class, scope = TestResourceScope.GLOBAL)
class WhatsAppRepliesTest extends BrokerTest {

    private static final String MESSAGES = "/v21.0/106540352242922/messages";
    private static final String BEARER = "Bearer local-whatsapp-access-token";
    private static final String APP_SECRET = "local-meta-app-secret";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final WireMockServer cloudApi = CloudApiStub.server();

    @Test
    void replyGoesOutAsAContextualTextMessageFromTheNumberTheCustomerWroteToAndIsSent() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).willReturn(sent(waId, "wamid.out-" + waId)));
        OutboundMessage reply = reply(waId, "Probeer de router opnieuw te starten.", null);

        outbound.publish(reply);

        ReplyStatus status = outbound.single(reply.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.providerMessageId()).isEqualTo("wamid.out-" + waId);
        assertThat(status.provider()).isEqualTo("whatsapp-cloud-api");
        assertThat(status.channel()).isEqualTo(Channel.WHATSAPP);
        cloudApi.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo(BEARER))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s",
                         "context":{"message_id":"wamid.in-%s"},
                         "type":"text","text":{"body":"Probeer de router opnieuw te starten."}}
                        """.formatted(waId, waId))));
        RestAssured.get("/q/metrics").then().body(containsString(
                "switchboard_replies_total{channel=\"WHATSAPP\",outcome=\"sent\",provider=\"whatsapp-cloud-api\"}"));
    }

    @Test
    void templateGoesOutWithItsNameAndLanguageAndNoContext() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).willReturn(sent(waId, "wamid.tpl-" + waId)));
        OutboundMessage reply = reply(waId, null, "storing_opgelost");

        outbound.publish(reply);

        assertThat(outbound.single(reply.replyId(), WITHIN).state()).isEqualTo(DeliveryState.SENT);
        cloudApi.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withHeader("Authorization", equalTo(BEARER))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                         "template":{"name":"storing_opgelost","language":{"code":"nl"}}}
                        """.formatted(waId))));
    }

    @Test
    void serverErrorIsRetriedAndTheReplyGoesOutOnce() {
        String waId = waId();
        String scenario = "flaky-" + waId;
        cloudApi.stubFor(messagesTo(waId)
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"An unknown error occurred","type":"OAuthException","code":1,"fbtrace_id":"A1"}}
                        """))
                .willSetStateTo("recovered"));
        cloudApi.stubFor(messagesTo(waId)
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(sent(waId, "wamid.retry-" + waId)));
        OutboundMessage reply = reply(waId, "Tweede poging", null);

        outbound.publish(reply);

        ReplyStatus status = outbound.single(reply.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.providerMessageId()).isEqualTo("wamid.retry-" + waId);
        assertThat(requestsTo(waId)).isEqualTo(2);
    }

    @Test
    void providerThatKeepsFailingIsGivenUpOnWithItsLastError() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        OutboundMessage reply = reply(waId, "Niemand thuis", null);

        outbound.publish(reply);

        ReplyStatus status = outbound.single(reply.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.error()).isEqualTo("503 Service Unavailable");
        // give-up-after is 4 s in the tests: tries at 0, 1 and 3 s, the next wait would end after it.
        assertThat(requestsTo(waId)).isEqualTo(3);
    }

    @Test
    void refusalIsFailedWithTheGraphErrorAndNotRetried() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                          "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                          "fbtrace_id":"AbCdEf"}}
                        """)));
        OutboundMessage reply = reply(waId, "Te laat", null);

        outbound.publish(reply);

        ReplyStatus status = outbound.single(reply.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.providerMessageId()).isNull();
        assertThat(status.error()).startsWith("400 131047 (#131047) Re-engagement message")
                .contains("more than 24 hours have passed");
        outbound.settleThrough(takenAtOnce(), WITHIN); // the loop is past it: no retry came
        assertThat(requestsTo(waId)).isEqualTo(1);
    }

    @Test
    void noAnswerAfterTheRequestWasSentIsUnconfirmedAndNotRetried() {
        String waId = waId();
        // Longer than the read timeout of the tests (5 s): Meta may have delivered it, so it must not go out again.
        cloudApi.stubFor(messagesTo(waId).willReturn(sent(waId, "wamid.late-" + waId).withFixedDelay(8000)));
        OutboundMessage reply = reply(waId, "Komt dit aan?", null);

        outbound.publish(reply);

        ReplyStatus status = outbound.single(reply.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.UNCONFIRMED);
        assertThat(status.error()).startsWith("no answer from the Cloud API");
        assertThat(requestsTo(waId)).isEqualTo(1);
    }

    /**
     * Another instance of the adapter in the same consumer group commits the in-flight note for the two replies of
     * a poll, as the loop does right before calling the provider, and stops. The partition moves to the adapter
     * under test, which must report both replies UNCONFIRMED and never call the Cloud API for them, and send the
     * reply after them, which was not in flight.
     */
    @Test
    void repliesInFlightWhenTheirAdapterStoppedAreUnconfirmedAndNotSentAgain() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).willReturn(sent(waId, "wamid.twice-" + waId)));
        List<OutboundMessage> inFlight = List.of(reply(waId, "Dit mag maar één keer aankomen", null),
                reply(waId, "Dit ook", null));
        OutboundMessage after = takenAtOnce();

        try (KafkaConsumer<String, String> stopped = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "adapter-whatsapp-outbound",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            stopped.subscribe(List.of(Topics.CONTACTS_OUTBOUND));
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (stopped.assignment().isEmpty() && System.nanoTime() < deadline) {
                stopped.poll(Duration.ofMillis(200));
            }
            TopicPartition partition = stopped.assignment().iterator().next();
            List<RecordMetadata> written = kafka.produceStrings().fromRecords(
                            new ProducerRecord<>(partition.topic(), partition.partition(), inFlight.get(0).contactId(),
                                    json(inFlight.get(0))),
                            new ProducerRecord<>(partition.topic(), partition.partition(), inFlight.get(1).contactId(),
                                    json(inFlight.get(1))),
                            new ProducerRecord<>(partition.topic(), partition.partition(), after.contactId(),
                                    json(after)))
                    .awaitCompletion().getRecords();
            stopped.commitSync(Map.of(partition,
                    InFlightMarkers.inFlight(written.get(0).offset(), written.get(1).offset())));
        }

        for (OutboundMessage reply : inFlight) {
            ReplyStatus status = outbound.single(reply.replyId(), WITHIN);
            assertThat(status.state()).isEqualTo(DeliveryState.UNCONFIRMED);
            assertThat(status.error()).isEqualTo("the adapter stopped while sending; not sent again");
        }
        assertThat(requestsTo(waId)).isZero();
        assertThat(outbound.single(after.replyId(), WITHIN).state()).isEqualTo(DeliveryState.SENT);
    }

    /**
     * The broker goes down while the Cloud API takes its time to answer: the SENT status cannot be published, so
     * the loop holds the record and retries; once the broker is back there is exactly one SENT and one request.
     */
    @Test
    void brokerDownWhenTheOutcomeIsReadyHoldsTheReplyUntilItsStatusIsPublished() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).willReturn(sent(waId, "wamid.held-" + waId).withFixedDelay(3000)));
        OutboundMessage reply = reply(waId, "Even geduld", null);
        outbound.publish(reply);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (requestsTo(waId) == 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }

        infrastructure.stopBroker();
        try {
            sleep(Duration.ofSeconds(8));
        } finally {
            infrastructure.startBroker();
        }

        ReplyStatus status = outbound.single(reply.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.providerMessageId()).isEqualTo("wamid.held-" + waId);
        assertThat(requestsTo(waId)).isEqualTo(1);
    }

    @Test
    void statusWebhookUpdatesTheReplyOnContactsDelivery() {
        String wamid = "wamid.status-" + waId();
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "statuses":[
                   {"id":"%1$s","status":"delivered","timestamp":"1795341600","recipient_id":"31612345678",
                    "pricing":{"billable":true,"pricing_model":"PMP","type":"free_customer_service","category":"service"}},
                   {"id":"%1$s","status":"failed","timestamp":"1795341660","recipient_id":"31612345678",
                    "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
                      "error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                      "href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]}]}}]}]}
                """.formatted(wamid);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        RestAssured.given().contentType("application/json")
                .header("X-Hub-Signature-256", SignatureScheme.META.sign(APP_SECRET, bytes)).body(bytes)
                .post("/webhooks/whatsapp").then().statusCode(200);

        List<ReplyStatus> statuses = new InboundTopic(kafka, Topics.CONTACTS_DELIVERY)
                .records("providerMessageId", Set.of(wamid), 2, WITHIN).stream()
                .map(record -> {
                    assertThat(record.key()).isEqualTo(wamid);
                    return parse(record.value());
                }).toList();
        assertThat(statuses).extracting(ReplyStatus::state)
                .containsExactlyInAnyOrder(DeliveryState.DELIVERED, DeliveryState.FAILED);
        assertThat(statuses).allSatisfy(status -> {
            assertThat(status.replyId()).isNull();
            assertThat(status.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(status.provider()).isEqualTo("whatsapp-cloud-api");
        });
        assertThat(statuses).filteredOn(status -> status.state() == DeliveryState.FAILED).singleElement()
                .satisfies(failed -> {
                    assertThat(failed.error()).isEqualTo("131047 Re-engagement message: Message failed to send because "
                            + "more than 24 hours have passed since the customer last replied to this number.");
                    assertThat(failed.occurredAt()).isEqualTo(Instant.ofEpochSecond(1795341660));
                });
    }

    /**
     * A survey is a plain text message (no context: it answers no message): the question, how to answer in the
     * customer's language, the comment prompt. Its status carries the survey id as reply id.
     */
    @Test
    void surveyGoesOutAsATextMessageAskingForANumber() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).willReturn(sent(waId, "wamid.survey-" + waId)));
        OutboundMessage survey = survey(waId, Duration.ofMinutes(10));
        outbound.publish(survey);

        ReplyStatus status = outbound.single(survey.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.replyId()).isEqualTo(survey.survey().surveyId());
        assertThat(status.providerMessageId()).isEqualTo("wamid.survey-" + waId);
        cloudApi.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withHeader("Authorization", equalTo(BEARER))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                         "text":{"body":"Hoe waarschijnlijk is het dat u ons aanbeveelt?\\n\\nAntwoord met een cijfer van 0 tot en met 10.\\nWat is de reden voor uw cijfer?"}}
                        """.formatted(waId))));
    }

    /** Free text outside the 24-hour window is refused by Meta; the adapter says so without asking. */
    @Test
    void surveyAfterTheCustomerServiceWindowFailsWithoutARequest() {
        String waId = waId();
        OutboundMessage survey = survey(waId, Duration.ofHours(25));
        outbound.publish(survey);

        ReplyStatus status = outbound.single(survey.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.error()).startsWith("window closed: a survey is free text");
        assertThat(requestsTo(waId)).isZero();
    }

    /**
     * Attachments are media messages by link, typed by content type; the text is the first one's caption and only
     * the first is a contextual reply. The reply's message id is the first one's.
     */
    @Test
    void attachmentsGoAsMediaMessagesWithTheTextAsTheFirstCaption() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).withRequestBody(matchingJsonPath("$.type", equalTo("image")))
                .willReturn(sent(waId, "wamid.image-" + waId)));
        cloudApi.stubFor(messagesTo(waId).withRequestBody(matchingJsonPath("$.type", equalTo("document")))
                .willReturn(sent(waId, "wamid.document-" + waId)));
        OutboundMessage reply = withAttachments(reply(waId, "Zo sluit u de router aan.", null), List.of(
                new Attachment("image", null, "image/jpeg", "https://files.example.com/router.jpg", null),
                new Attachment("document", null, "application/pdf", "https://files.example.com/docs/handleiding.pdf",
                        null)));
        outbound.publish(reply);

        ReplyStatus status = outbound.single(reply.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.providerMessageId()).isEqualTo("wamid.image-" + waId);
        assertThat(bodiesTo(waId)).containsExactly("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","context":{"message_id":"wamid.in-%s"},
                 "type":"image","image":{"link":"https://files.example.com/router.jpg","caption":"Zo sluit u de router aan."}}
                """.formatted(waId, waId).replaceAll("\\s*\\n\\s*", ""), """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"document",
                 "document":{"link":"https://files.example.com/docs/handleiding.pdf","filename":"handleiding.pdf"}}
                """.formatted(waId).replaceAll("\\s*\\n\\s*", ""));
    }

    /** Audio takes no caption, so the text goes first as a message of its own. */
    @Test
    void textBeforeAnAudioGoesAsItsOwnMessage() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).willReturn(sent(waId, "wamid.first-" + waId)));
        OutboundMessage reply = withAttachments(reply(waId, "Luister even naar dit bericht.", null), List.of(
                new Attachment("audio", null, "audio/ogg", "https://files.example.com/uitleg.ogg", null)));
        outbound.publish(reply);

        assertThat(outbound.single(reply.replyId(), WITHIN).state()).isEqualTo(DeliveryState.SENT);
        assertThat(bodiesTo(waId)).containsExactly("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","context":{"message_id":"wamid.in-%s"},
                 "type":"text","text":{"body":"Luister even naar dit bericht."}}
                """.formatted(waId, waId).replaceAll("\\s*\\n\\s*", ""), """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"audio",
                 "audio":{"link":"https://files.example.com/uitleg.ogg"}}
                """.formatted(waId).replaceAll("\\s*\\n\\s*", ""));
    }

    /** Once the first message went out, a failing second one is FAILED at once: a retry would send the first again. */
    @Test
    void failureAfterTheFirstMessageIsFinalAndSaysWhatWasSent() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).withRequestBody(matchingJsonPath("$.type", equalTo("image")))
                .willReturn(sent(waId, "wamid.sent-" + waId)));
        cloudApi.stubFor(messagesTo(waId).withRequestBody(matchingJsonPath("$.type", equalTo("video")))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"An unknown error occurred","type":"OAuthException","code":1,"fbtrace_id":"A2"}}
                        """)));
        OutboundMessage reply = withAttachments(reply(waId, "Twee bestanden", null), List.of(
                new Attachment("image", null, "image/png", "https://files.example.com/a.png", null),
                new Attachment("video", null, "video/mp4", "https://files.example.com/b.mp4", null)));
        outbound.publish(reply);

        ReplyStatus status = outbound.single(reply.replyId(), WITHIN);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.error()).isEqualTo("sent 1 of 2 messages (the first wamid.sent-" + waId + "), then: "
                + "500 1 An unknown error occurred");
        outbound.settleThrough(takenAtOnce(), WITHIN);
        assertThat(requestsTo(waId)).isEqualTo(2);
    }

    /** A reply the Cloud API takes at once, to a number of its own. */
    private OutboundMessage takenAtOnce() {
        String waId = waId();
        cloudApi.stubFor(messagesTo(waId).willReturn(sent(waId, "wamid.next-" + waId)));
        return reply(waId, "Volgende", null);
    }

    /** A WhatsApp id of its own per test, so stubs and requests of different tests never mix. */
    private static String waId() {
        return "316" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    private static OutboundMessage reply(String waId, String text, String template) {
        String contactId = UUID.randomUUID().toString();
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, UUID.randomUUID().toString(), OutboundKind.REPLY,
                contactId, Channel.WHATSAPP, new Customer("phone:+" + waId, "+" + waId, null, null, "Jan Jansen"), text,
                List.of(), template, template == null ? null : "nl", false, UUID.randomUUID().toString(), "anna", null,
                new ReplyContext("whatsapp-cloud-api", "wamid.in-" + waId, false, Instant.now().minusSeconds(600),
                        Map.of("phoneNumberId", "106540352242922", "displayPhoneNumber", "15550783881",
                                "messageType", "text")),
                Instant.now());
    }

    private static OutboundMessage survey(String waId, Duration sinceCustomersLastMessage) {
        String surveyId = UUID.randomUUID().toString();
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, surveyId, OutboundKind.SURVEY,
                UUID.randomUUID().toString(), Channel.WHATSAPP,
                new Customer("phone:+" + waId, "+" + waId, null, null, "Jan Jansen"), null, List.of(), null, null,
                false, surveyId, null, null,
                new ReplyContext("whatsapp-cloud-api", "wamid.in-" + waId, false,
                        Instant.now().minus(sinceCustomersLastMessage), Map.of("phoneNumberId", "106540352242922")),
                Instant.now(), new SurveyQuestion(surveyId, "Hoe waarschijnlijk is het dat u ons aanbeveelt?",
                        "Wat is de reden voor uw cijfer?", "Dank u wel!", "nl"));
    }

    private static OutboundMessage withAttachments(OutboundMessage reply, List<Attachment> attachments) {
        return new OutboundMessage(reply.schemaVersion(), reply.replyId(), reply.kind(), reply.contactId(),
                reply.channel(), reply.customer(), reply.text(), attachments, null, null, false,
                reply.idempotencyKey(), reply.agentId(), null, reply.replyTo(), reply.requestedAt());
    }

    /** The bodies sent for this customer, in the order they arrived. */
    private List<String> bodiesTo(String waId) {
        return cloudApi.findAll(postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(waId))))
                .stream().map(request -> request.getBodyAsString()).toList();
    }

    /** The Cloud API's messages endpoint, as called for this customer only. */
    private static MappingBuilder messagesTo(String waId) {
        return post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(waId)));
    }

    private static ResponseDefinitionBuilder sent(String waId, String wamid) {
        return okJson("""
                {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],"messages":[{"id":"%s"}]}
                """.formatted(waId, waId, wamid));
    }

    private int requestsTo(String waId) {
        RequestPatternBuilder requests = postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.to", equalTo(waId)));
        return cloudApi.findAll(requests).size();
    }

    private static String json(OutboundMessage message) {
        try {
            return Json.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReplyStatus parse(String json) {
        try {
            return Json.mapper().readValue(json, ReplyStatus.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
