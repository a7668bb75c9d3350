package io.switchboard.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.accept;
import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Agents correct the routed class of the item they hold (issue 17), against the real broker and database: the
 * correction is on the item and on {@code contacts.corrections}, keyed by contact id, once however often it is
 * retried; an escalation that shows another class is a correction too, one that does not is none.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class ClassificationCorrectionTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    Pool pool;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private String skill;
    private String language;
    private String agentId;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        skill = "skill-" + UUID.randomUUID();
        // A language of its own: the escalated items wait in other offices' queues, where other tests' agents
        // must not take them.
        language = AgentApi.ownLanguage();
        agentId = AgentApi.ownAgent(Office.FRONT_OFFICE, List.of(skill), language);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void theHolderCorrectsTheClassOnceAndTheCorrectionIsPublishedUnderTheContact() {
        ContactRouted contact = contact()
                .text("Mijn meter geeft een foutcode E4 sinds de storing").modelVersion("model-7").build();
        String itemId = heldItem(contact);
        Map<String, Object> body = Map.of("rst", "TECHNICAL", "intent", "FAULT_REPORT",
                "reason", "a broken meter needs a technician");

        correct("someone-else", itemId, body).then().statusCode(403)
                .body("type", equalTo("urn:switchboard:problem:not-the-holder"));
        correct(agentId, itemId, Map.of("rst", "TECHNICAL", "intent", "FAULT_REPORT")).then().statusCode(400);
        correct(agentId, UUID.randomUUID().toString(), body).then().statusCode(404);
        try (ConsumerTask<String, String> corrections = kafka.consumeStrings().fromTopics(Topics.CONTACTS_CORRECTIONS)) {
            correct(agentId, itemId, body).then().statusCode(200).body("rst", equalTo("TECHNICAL"))
                    .body("intent", equalTo("FAULT_REPORT"))
                    .body("explanation", hasItem(startsWith("class corrected (AGENT by " + agentId
                            + "): ROUTINE/INFORMATION → TECHNICAL/FAULT_REPORT")));
            // A retry changes and sends nothing.
            correct(agentId, itemId, body).then().statusCode(200).body("rst", equalTo("TECHNICAL"));

            ConsumerRecord<String, String> record = await().atMost(WAIT)
                    .until(() -> of(corrections, contact.contactId()), found -> !found.isEmpty()).get(0);
            assertThat(record.key()).isEqualTo(contact.contactId());
            ClassificationCorrection correction = read(record);
            assertThat(correction.schemaVersion()).isEqualTo(ClassificationCorrection.SCHEMA_VERSION);
            assertThat(correction.text()).isEqualTo("Mijn meter geeft een foutcode E4 sinds de storing");
            assertThat(correction.channel()).isEqualTo(Channel.WEBSHOP);
            assertThat(correction.language()).isEqualTo(language);
            assertThat(correction.publicPost()).isFalse();
            assertThat(correction.routedRst()).isEqualTo(Rst.ROUTINE);
            assertThat(correction.routedIntent()).isEqualTo(Intent.INFORMATION);
            assertThat(correction.rst()).isEqualTo(Rst.TECHNICAL);
            assertThat(correction.intent()).isEqualTo(Intent.FAULT_REPORT);
            assertThat(correction.source()).isEqualTo(ClassificationCorrection.Source.AGENT);
            assertThat(correction.reason()).isEqualTo("a broken meter needs a technician");
            assertThat(correction.agentId()).isEqualTo(agentId);
            assertThat(correction.modelVersion()).isEqualTo("model-7");
            assertThat(correction.correctedAt()).isNotNull();

            Settled.readBack(kafka, pool, corrections, Topics.CONTACTS_CORRECTIONS);
            assertThat(of(corrections, contact.contactId())).hasSize(1);
        }
    }

    @Test
    void anEscalationToAnotherClassIsACorrectionAndOneThatKeepsTheClassIsNone() {
        ContactRouted routine = contact().build();
        String escalated = heldItem(routine);
        try (ConsumerTask<String, String> corrections = kafka.consumeStrings().fromTopics(Topics.CONTACTS_CORRECTIONS)) {
            escalate(escalated, Map.of("toOffice", "BACK_OFFICE", "reason", "contract dispute",
                    "intent", "COMPLAINT")).then().statusCode(200).body("rst", equalTo("SPECIALIST"))
                    .body("intent", equalTo("COMPLAINT"));
            ClassificationCorrection correction = read(await().atMost(WAIT)
                    .until(() -> of(corrections, routine.contactId()), found -> !found.isEmpty()).get(0));
            assertThat(correction.source()).isEqualTo(ClassificationCorrection.Source.ESCALATION);
            assertThat(correction.routedRst()).isEqualTo(Rst.ROUTINE);
            assertThat(correction.rst()).isEqualTo(Rst.SPECIALIST);
            assertThat(correction.intent()).isEqualTo(Intent.COMPLAINT);
            assertThat(correction.reason()).isEqualTo("contract dispute");
            assertThat(correction.agentId()).isEqualTo(agentId);

            // Already corrected to TECHNICAL by the agent: the escalation to the technicians changes no class.
            ContactRouted technical = contact()
                    .build();
            String kept = heldItem(technical);
            correct(agentId, kept, Map.of("rst", "TECHNICAL", "intent", "INFORMATION", "reason", "a repair"))
                    .then().statusCode(200);
            escalate(kept, Map.of("toOffice", "TECHNICIANS", "reason", "needs a visit")).then().statusCode(200)
                    .body("rst", equalTo("TECHNICAL")).body("office", equalTo("TECHNICIANS"));
            Settled.readBack(kafka, pool, corrections, Topics.CONTACTS_CORRECTIONS);
            assertThat(of(corrections, technical.contactId()).stream().map(ClassificationCorrectionTest::read)
                    .map(ClassificationCorrection::source)).containsExactly(ClassificationCorrection.Source.AGENT);
        }
    }

    private RoutedContacts.Builder contact() {
        return RoutedContacts.contact(Channel.WEBSHOP, Office.FRONT_OFFICE).skills(skill).language(language);
    }

    private String heldItem(ContactRouted contact) {
        routed.publish(contact);
        String itemId = next(agentId, 10).then().statusCode(200).body("contactId", equalTo(contact.contactId()))
                .extract().path("id");
        accept(agentId, itemId).then().statusCode(200);
        return itemId;
    }

    private static Response correct(String agent, String itemId, Map<String, Object> body) {
        return as(Tokens.agent(agent)).body(body).post("/api/work/" + itemId + "/classification");
    }

    private Response escalate(String itemId, Map<String, Object> body) {
        return as(Tokens.agent(agentId)).body(body).post("/api/work/" + itemId + "/escalate");
    }

    private static List<ConsumerRecord<String, String>> of(ConsumerTask<String, String> corrections,
            String contactId) {
        return corrections.getRecords().stream().filter(record -> contactId.equals(record.key())).toList();
    }

    private static ClassificationCorrection read(ConsumerRecord<String, String> record) {
        try {
            return Json.mapper().readValue(record.value(), ClassificationCorrection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
