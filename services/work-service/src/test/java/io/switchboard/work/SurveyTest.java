package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.SurveyResponse;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.accept;
import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.complete;
import static io.switchboard.work.AgentApi.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Satisfaction surveys against the real broker and database (issue 18): a completed item's customer gets a SURVEY
 * message on {@code contacts.outbound} in their language, once per rate-limit interval and never during an open
 * conversation; a caller's survey rides on the CONNECT; answers on {@code contacts.feedback} and typed WhatsApp
 * answers become SURVEY_ANSWERED, not work; a detractor's complaint opens exactly one back-office follow-up.
 */
@QuarkusTest
@TestProfile(Surveying.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class SurveyTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    Pool pool;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private String skill;
    private String agentId;
    private String customerKey;
    private String language;
    private ConsumerTask<String, String> outbound;
    private ConsumerTask<String, String> lifecycle;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        skill = "skill-" + UUID.randomUUID();
        agentId = "agent-" + UUID.randomUUID();
        customerKey = "phone:+316" + (10_000_000 + (int) (Math.random() * 89_999_999));
        language = AgentApi.ownLanguage();
        outbound = kafka.consumeStrings().fromTopics(Topics.CONTACTS_OUTBOUND);
        lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE);
    }

    @AfterEach
    void disconnect() {
        outbound.close();
        lifecycle.close();
        kafka.close();
    }

    @Test
    void aCompletedItemsCustomerIsAskedInTheirLanguageOncePerInterval() {
        agent(Map.of("WHATSAPP", 2), null);
        ContactRouted first = whatsapp().build();

        OutboundMessage survey = surveyAfter(first);
        assertThat(survey.kind()).isEqualTo(OutboundKind.SURVEY);
        assertThat(survey.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(survey.customer().key()).isEqualTo(customerKey);
        assertThat(survey.replyId()).isEqualTo(survey.survey().surveyId());
        assertThat(survey.survey().language()).isEqualTo("nl");
        assertThat(survey.survey().question()).startsWith("Hoe waarschijnlijk is het dat u ons aanbeveelt");
        assertThat(survey.survey().commentPrompt()).isEqualTo("Wat is de belangrijkste reden voor uw cijfer?");
        assertThat(survey.text()).isEqualTo(survey.survey().question());
        assertThat(survey.replyTo().provider()).isEqualTo("whatsapp-cloud-api");
        LifecycleEvent sent = await().atMost(WAIT).until(() -> step(first.contactId(),
                LifecycleEventType.SURVEY_SENT), found -> found != null);
        assertThat(sent.details()).containsEntry("surveyId", survey.survey().surveyId());
        assertThat(sent.agentId()).isEqualTo(agentId);
        // The survey is a message on the item's thread: the adapter's delivery status applies to it.
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_DELIVERY, survey.replyId(),
                RoutedContacts.json(new ReplyStatus(ReplyStatus.SCHEMA_VERSION, UUID.randomUUID().toString(),
                        survey.replyId(), Channel.WHATSAPP, "whatsapp-cloud-api", "wamid.survey-" + UUID.randomUUID(),
                        DeliveryState.SENT, null, Instant.now())))).awaitCompletion(WAIT);
        LifecycleEvent delivered = await().atMost(WAIT).until(() -> step(first.contactId(),
                LifecycleEventType.REPLY_SENT), found -> found != null);
        assertThat(delivered.details()).containsEntry("replyId", survey.replyId()).containsEntry("kind", "SURVEY");

        // A second contact of the same customer within the interval (P30D) is not surveyed.
        ContactRouted second = whatsapp().build();
        completed(second);
        passedBySurveys(second);
        assertThat(storedSurveys(second)).isZero();
        assertThat(surveysOf(second.contactId())).isEmpty();
        assertThat(surveysOf(first.contactId())).hasSize(1);
    }

    @Test
    void aCustomerWithAnOpenConversationIsNotAsked() {
        agent(Map.of("WHATSAPP", 2), null);
        // Waiting on another channel for a skill nobody has: open throughout.
        routed.publish(RoutedContacts.contact(Channel.SOCIAL, Office.FRONT_OFFICE).customer(customerKey)
                .skills("nobody-" + UUID.randomUUID()).provider("facebook").build());
        ContactRouted done = whatsapp().build();
        completed(done);

        passedBySurveys(done);
        assertThat(storedSurveys(done)).isZero();
        assertThat(surveysOf(done.contactId())).isEmpty();
        assertThat(step(done.contactId(), LifecycleEventType.SURVEY_SENT)).isNull();
    }

    @Test
    void aCallerIsAskedAfterTheCallInEnglishThroughTheConnect() {
        agent(Map.of("PHONE", 1), "client:" + agentId);
        ContactRouted call = RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).customer(customerKey)
                .skills(skill).language("en-GB").provider("twilio").build();
        routed.publish(call);
        String itemId = next(agentId, 10).then().statusCode(200).extract().path("id");
        accept(agentId, itemId).then().statusCode(200);

        OutboundMessage connect = await().atMost(WAIT).until(() -> outboundOf(call.contactId()).stream()
                .filter(message -> message.kind() == OutboundKind.CONNECT).findFirst().orElse(null), found -> found != null);
        assertThat(connect.survey()).isNotNull();
        assertThat(connect.survey().language()).isEqualTo("en");
        assertThat(connect.survey().question()).startsWith("How likely are you to recommend us");
        assertThat(connect.survey().thanks()).isEqualTo("Thank you for your answer!");
        LifecycleEvent sent = await().atMost(WAIT).until(() -> step(call.contactId(),
                LifecycleEventType.SURVEY_SENT), found -> found != null);
        assertThat(sent.details()).containsEntry("surveyId", connect.survey().surveyId());

        // Completed, the call is not asked a second time by message.
        complete(agentId, itemId).then().statusCode(200);
        passedBySurveys(call);
        assertThat(storedSurveys(call)).as("the connect's survey only").isOne();
        assertThat(surveysOf(call.contactId())).isEmpty();
    }

    @Test
    void anAnswerOnTheFeedbackTopicIsRecordedWithItsScore() {
        agent(Map.of("WHATSAPP", 2), null);
        ContactRouted contact = whatsapp().build();
        String surveyId = surveyAfter(contact).survey().surveyId();

        feedback(new SurveyResponse(SurveyResponse.SCHEMA_VERSION, UUID.randomUUID().toString(), surveyId,
                Channel.WHATSAPP, 9, null, "messenger", "mid.1", Instant.now()));

        LifecycleEvent answered = await().atMost(WAIT).until(() -> step(contact.contactId(),
                LifecycleEventType.SURVEY_ANSWERED), found -> found != null);
        assertThat(answered.details()).containsEntry("surveyId", surveyId).containsEntry("score", "9")
                .doesNotContainKey("complaint");
        assertThat(answered.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(answered.office()).isEqualTo(Office.FRONT_OFFICE);
        assertThat(answered.intent()).isEqualTo(Intent.INFORMATION);
        assertThat(answered.agentId()).isEqualTo(agentId);
    }

    @Test
    void aDetractorsComplaintOpensOneBackOfficeFollowUpEvenWhenRedelivered() {
        agent(Map.of("WHATSAPP", 2), null);
        // In a language of its own, so that only this test's back-office agent takes the follow-up.
        ContactRouted contact = whatsapp().language(language).build();
        String surveyId = surveyAfter(contact).survey().surveyId();
        SurveyResponse complaint = new SurveyResponse(SurveyResponse.SCHEMA_VERSION, UUID.randomUUID().toString(),
                surveyId, Channel.WHATSAPP, 3, "Niemand heeft me teruggebeld, mijn storing is er nog steeds",
                "link", null, Instant.now());

        feedback(complaint);
        feedback(complaint);

        String followUp = "survey:" + surveyId;
        LifecycleEvent answered = await().atMost(WAIT).until(() -> step(contact.contactId(),
                LifecycleEventType.SURVEY_ANSWERED), found -> found != null);
        assertThat(answered.details()).containsEntry("score", "3").containsEntry("complaint", "true")
                .containsEntry("followUp", followUp);
        LifecycleEvent queued = await().atMost(WAIT).until(() -> step(followUp, LifecycleEventType.QUEUED),
                found -> found != null);
        assertThat(queued.office()).isEqualTo(Office.BACK_OFFICE);
        assertThat(queued.intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(queued.channel()).isEqualTo(Channel.WHATSAPP);

        Settled.readBack(kafka, pool, lifecycle, Topics.CONTACTS_LIFECYCLE, Settled.FEEDBACK);
        assertThat(eventsOf(followUp)).extracting(LifecycleEvent::type).containsExactly(LifecycleEventType.QUEUED);
        assertThat(eventsOf(contact.contactId())).filteredOn(event -> event.type() == LifecycleEventType.SURVEY_ANSWERED)
                .hasSize(1);
        // The back office sees which survey and score, and the customer's words.
        String back = "agent-" + UUID.randomUUID();
        AgentApi.register(back, Office.BACK_OFFICE, List.of(), List.of(language), List.of(), Map.of("WHATSAPP", 1));
        AgentApi.status(back, "AVAILABLE").then().statusCode(200);
        next(back, 10).then().statusCode(200).body("contactId", equalTo(followUp)).body("intent", equalTo("COMPLAINT"))
                .body("rst", equalTo("SPECIALIST"))
                .body("explanation[0]", equalTo("follow-up of survey " + surveyId + " on contact "
                        + contact.contactId() + ": score 3 of 10 with a complaint"))
                .body("messages[0].text", equalTo(complaint.comment()));
    }

    @Test
    void aWhatsAppTextThatBeginsWithAScoreIsTheAnswerNotWork() {
        agent(Map.of("WHATSAPP", 2), null);
        ContactRouted contact = whatsapp().build();
        String surveyId = surveyAfter(contact).survey().surveyId();

        ContactRouted answer = whatsapp().text("8 prima geholpen").build();
        routed.publish(answer);
        routed.publish(answer); // redelivered

        LifecycleEvent answered = await().atMost(WAIT).until(() -> step(contact.contactId(),
                LifecycleEventType.SURVEY_ANSWERED), found -> found != null);
        assertThat(answered.details()).containsEntry("surveyId", surveyId).containsEntry("score", "8");
        next(agentId, 3).then().statusCode(204);
        assertThat(eventsOf(answer.contactId())).isEmpty();
        assertThat(eventsOf(contact.contactId())).filteredOn(event -> event.type() == LifecycleEventType.SURVEY_ANSWERED)
                .hasSize(1);

        // Answered, a later number is a new question.
        ContactRouted later = whatsapp().text("3 pakketten zijn niet aangekomen").build();
        routed.publish(later);
        next(agentId, 10).then().statusCode(200).body("contactId", equalTo(later.contactId()));
    }

    private void agent(Map<String, Integer> capacity, String phoneAddress) {
        Map<String, Object> profile = new HashMap<>(Map.of("name", "Agent " + agentId, "office", "FRONT_OFFICE",
                "skills", List.of(skill), "languages", List.of("nl", "en", language), "capacity", capacity));
        if (phoneAddress != null) {
            profile.put("phoneAddress", phoneAddress);
        }
        as(Tokens.supervisor("sup-1")).body(profile).put("/api/agents/" + agentId).then().statusCode(200);
        AgentApi.status(agentId, "AVAILABLE").then().statusCode(200);
    }

    private RoutedContacts.Builder whatsapp() {
        return RoutedContacts.contact(Channel.WHATSAPP, Office.FRONT_OFFICE).customer(customerKey).skills(skill)
                .provider("whatsapp-cloud-api");
    }

    private void completed(ContactRouted contact) {
        routed.publish(contact);
        String itemId = next(agentId, 10).then().statusCode(200).body("contactId", equalTo(contact.contactId()))
                .extract().path("id");
        accept(agentId, itemId).then().statusCode(200);
        complete(agentId, itemId).then().statusCode(200);
    }

    private OutboundMessage surveyAfter(ContactRouted contact) {
        completed(contact);
        return await().atMost(WAIT).until(() -> surveysOf(contact.contactId()), found -> !found.isEmpty()).get(0);
    }

    /**
     * Waits until the survey scheduler walked past the contact's completed item: the statement that decided whether
     * to ask its customer has committed, and a survey it sent would be a row of the survey table, written in that
     * statement with its message in the outbox.
     */
    private void passedBySurveys(ContactRouted contact) {
        await().atMost(WAIT).until(() -> pool.preparedQuery("""
                SELECT (k.completed_at, k.work_item_id) >= (w.completed_at, w.id) AS passed
                  FROM survey_cursor k, work_item w WHERE w.contact_id = $1""")
                .execute(Tuple.of(contact.contactId())).await().indefinitely().iterator().next()
                .getBoolean("passed"));
    }

    private long storedSurveys(ContactRouted contact) {
        return pool.preparedQuery("SELECT count(*) FROM survey WHERE contact_id = $1")
                .execute(Tuple.of(contact.contactId())).await().indefinitely().iterator().next().getLong(0);
    }

    private void feedback(SurveyResponse response) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_FEEDBACK, response.surveyId(),
                RoutedContacts.json(response))).awaitCompletion(WAIT);
    }

    private List<OutboundMessage> surveysOf(String contactId) {
        return outboundOf(contactId).stream().filter(message -> message.kind() == OutboundKind.SURVEY).toList();
    }

    private List<OutboundMessage> outboundOf(String contactId) {
        return outbound.getRecords().stream().filter(record -> contactId.equals(record.key()))
                .map(record -> read(record.value(), OutboundMessage.class)).toList();
    }

    private List<LifecycleEvent> eventsOf(String contactId) {
        return lifecycle.getRecords().stream().filter(record -> contactId.equals(record.key()))
                .map(record -> read(record.value(), LifecycleEvent.class)).toList();
    }

    private LifecycleEvent step(String contactId, LifecycleEventType type) {
        return eventsOf(contactId).stream().filter(event -> event.type() == type).findFirst().orElse(null);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
