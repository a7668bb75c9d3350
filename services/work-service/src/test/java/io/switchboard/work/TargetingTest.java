package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Targeting that widens while a contact waits: a skill nobody on duty has stops being required at its step and not
 * before, a specialist still takes the contact first, and a step naming another office moves the contact there.
 * Every test has a language of its own, so only its own agents can take its contacts.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class TargetingTest {

    private static final int STEP_SECONDS = 6;

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private String skill;
    private String language;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        skill = "skill-" + UUID.randomUUID();
        language = AgentApi.ownLanguage();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aSkillNobodyHasStopsBeingRequiredAtItsStepAndNotBefore() {
        String generalist = agent(Office.FRONT_OFFICE, List.of());
        ContactRouted contact = stored(RoutedContacts.contact(Channel.WEBSHOP, Office.FRONT_OFFICE).language(language)
                .skills(skill).widening(new TargetingStep(STEP_SECONDS, List.of(), Office.FRONT_OFFICE)).build());

        next(generalist, 0).then().statusCode(204);
        // Waiting in a long poll (shorter than the tests' presence timeout): the step's start wakes the agent.
        JsonPath item = next(generalist, 10).then().statusCode(200).body("contactId", equalTo(contact.contactId()))
                .body("matchedStep", equalTo(1)).body("requiredSkills", equalTo(List.of()))
                .body("explanation", hasItem("Reserved under targeting step 1 (from " + STEP_SECONDS
                        + " s of waiting): any FRONT_OFFICE agent."))
                .extract().jsonPath();
        assertThat(Duration.between(Instant.parse(item.getString("queuedAt")),
                Instant.parse(item.getString("reservedAt")))).isGreaterThanOrEqualTo(Duration.ofSeconds(STEP_SECONDS));
    }

    @Test
    void aStepInTheSameOfficeCostsNoRowUpdateAndThePullStillHonoursIt() {
        String generalist = agent(Office.FRONT_OFFICE, List.of());
        ContactRouted contact = stored(RoutedContacts.contact(Channel.WEBSHOP, Office.FRONT_OFFICE).language(language)
                .skills(skill).widening(new TargetingStep(STEP_SECONDS, List.of(), Office.FRONT_OFFICE)).build());
        String itemId = queuedItemId(Office.FRONT_OFFICE, contact);
        // Stored after it with a step as long that moves it to the technicians: once a sweep moved this one, a sweep
        // ran past the first one's step too (the sweep takes items in the order their steps start).
        ContactRouted later = stored(RoutedContacts.contact(Channel.WEBSHOP, Office.FRONT_OFFICE).language(language)
                .skills(skill).widening(new TargetingStep(STEP_SECONDS, List.of(), Office.TECHNICIANS)).build());
        await().atMost(Duration.ofSeconds(STEP_SECONDS + 15)).until(() -> queuedItemId(Office.TECHNICIANS, later) != null);

        // Past the step's start and a sweep: the row is as it was stored.
        as(Tokens.supervisor("s-1")).get("/api/work/" + itemId).then().statusCode(200)
                .body("targetingStep", equalTo(0)).body("requiredSkills", equalTo(List.of(skill)));
        next(generalist, 0).then().statusCode(200).body("id", equalTo(itemId)).body("matchedStep", equalTo(1))
                .body("targetingStep", equalTo(1)).body("requiredSkills", equalTo(List.of()));
    }

    @Test
    void anEligibleSpecialistStillGetsItFirst() {
        String generalist = agent(Office.FRONT_OFFICE, List.of());
        String specialist = agent(Office.FRONT_OFFICE, List.of(skill));
        ContactRouted contact = stored(RoutedContacts.contact(Channel.WEBSHOP, Office.FRONT_OFFICE).language(language)
                .skills(skill).widening(new TargetingStep(STEP_SECONDS, List.of(), Office.FRONT_OFFICE)).build());

        next(generalist, 0).then().statusCode(204);
        next(specialist, 5).then().statusCode(200).body("contactId", equalTo(contact.contactId()))
                .body("matchedStep", equalTo(0)).body("targeting[0].requiredSkills", equalTo(List.of(skill)))
                .body("explanation", hasItem("Reserved under targeting step 0 (from 0 s of waiting): FRONT_OFFICE "
                        + "agents with " + skill + "."));
    }

    @Test
    void aStepNamingAnotherOfficeMovesTheContactToItsQueue() {
        String front = agent(Office.FRONT_OFFICE, List.of());
        ContactRouted contact = stored(RoutedContacts.contact(Channel.WEBSHOP, Office.BACK_OFFICE).language(language)
                .skills(skill).widening(new TargetingStep(STEP_SECONDS, List.of(), Office.FRONT_OFFICE)).build());

        next(front, 0).then().statusCode(204);
        next(front, 10).then().statusCode(200).body("contactId", equalTo(contact.contactId()))
                .body("office", equalTo("FRONT_OFFICE")).body("targetingStep", equalTo(1))
                .body("matchedStep", equalTo(1));

        try (var events = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<LifecycleEvent> steps = events.getRecords().stream()
                        .filter(record -> contact.contactId().equals(record.key())).map(WorkFlowTest::event).toList();
                assertThat(steps).extracting(LifecycleEvent::type).containsExactly(LifecycleEventType.QUEUED,
                        LifecycleEventType.REQUEUED, LifecycleEventType.ASSIGNED);
                assertThat(steps.get(1).details()).containsEntry("reason", "targeting-widened")
                        .containsEntry("fromOffice", "BACK_OFFICE").containsEntry("toOffice", "FRONT_OFFICE")
                        .containsEntry("step", "1");
                assertThat(steps.get(1).office()).isEqualTo(Office.FRONT_OFFICE);
            });
        }
    }

    private String agent(Office office, List<String> skills) {
        return AgentApi.ownAgent(office, skills, language);
    }

    /** The queued item of the contact in that office's WEBSHOP queue, or null. */
    private static String queuedItemId(Office office, ContactRouted contact) {
        return as(Tokens.supervisor("s-1"))
                .get("/api/supervisor/work?office=" + office + "&channel=WEBSHOP&state=QUEUED&size=500").then()
                .statusCode(200).extract().jsonPath()
                .getString("items.find { it.contactId == '" + contact.contactId() + "' }.id");
    }

    private ContactRouted stored(ContactRouted contact) {
        routed.publish(contact);
        await().atMost(Duration.ofSeconds(STEP_SECONDS - 1)).until(() -> as(Tokens.ops("o-1"))
                .get("/api/contacts/" + contact.contactId() + "/position").statusCode() == 200);
        return contact;
    }
}
