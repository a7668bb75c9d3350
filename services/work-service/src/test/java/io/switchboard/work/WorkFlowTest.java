package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
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
import static io.switchboard.work.AgentApi.availableAgent;
import static io.switchboard.work.AgentApi.complete;
import static io.switchboard.work.AgentApi.completeAndNext;
import static io.switchboard.work.AgentApi.completeAndNextAccepted;
import static io.switchboard.work.AgentApi.next;
import static io.switchboard.work.AgentApi.nextAccepted;
import static io.switchboard.work.AgentApi.register;
import static io.switchboard.work.AgentApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The foundation slice of the work service: a routed contact from Kafka becomes one work item in PostgreSQL that an
 * agent pulls, accepts and completes over HTTP with real tokens, and every step is published on
 * {@code contacts.lifecycle}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class WorkFlowTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    private KafkaCompanion kafka;
    private RoutedContacts routed;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void routedContactIsPulledAcceptedAndCompletedOnceEvenWhenRedelivered() {
        String skill = "skill-" + UUID.randomUUID();
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, Office.FRONT_OFFICE, List.of(skill), Map.of("WHATSAPP", 3));
        ContactRouted contact = RoutedContacts.contact(Channel.WHATSAPP, Office.FRONT_OFFICE).skills(skill).build();

        routed.publish(contact);
        Response pulled = next(agentId, 10);
        pulled.then().statusCode(200)
                .body("contactId", equalTo(contact.contactId()))
                .body("channel", equalTo("WHATSAPP"))
                .body("state", equalTo("RESERVED"))
                .body("agentId", equalTo(agentId))
                .body("messages[0].text", equalTo(contact.contact().text()));
        String itemId = pulled.jsonPath().getString("id");

        routed.publish(contact); // the routing engine's redelivery of the same contact
        accept(agentId, itemId).then().statusCode(200).body("state", equalTo("ACCEPTED"));
        complete(agentId, itemId).then().statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("resolution", equalTo("ANSWERED"))
                .body("firstContactResolution", equalTo(true));
        assertThat(next(agentId, 3).statusCode()).as("a redelivered contact makes no second item").isEqualTo(204);

        List<LifecycleEventType> steps = lifecycleOf(contact.contactId(), 4);
        assertThat(steps).containsExactly(LifecycleEventType.QUEUED, LifecycleEventType.ASSIGNED,
                LifecycleEventType.ACCEPTED, LifecycleEventType.COMPLETED);
    }

    @Test
    void longPollReturnsAnItemThatArrivesWhileWaiting() throws Exception {
        String skill = "skill-" + UUID.randomUUID();
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, Office.BACK_OFFICE, List.of(skill), Map.of("PHONE", 1));
        ContactRouted contact = RoutedContacts.contact(Channel.PHONE, Office.BACK_OFFICE).skills(skill).build();

        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> next(agentId, 20));
        Thread.sleep(1_500);
        assertThat(waiting).isNotDone();
        long published = System.nanoTime();
        routed.publish(contact);
        Response pulled = waiting.get(20, java.util.concurrent.TimeUnit.SECONDS);
        long millis = (System.nanoTime() - published) / 1_000_000;

        pulled.then().statusCode(200).body("contactId", equalTo(contact.contactId()));
        assertThat(millis).as("the waiting agent is woken, not left to its timeout").isLessThan(5_000);
    }

    @Test
    void completeAndNextCompletesTheItemAndReservesTheNextInOneRequest() {
        String skill = "skill-" + UUID.randomUUID();
        String agentId = webshopAgent(Office.FRONT_OFFICE, skill);
        ContactRouted first = webshopContact(Office.FRONT_OFFICE, skill);
        ContactRouted second = webshopContact(Office.FRONT_OFFICE, skill);
        routed.publish(first);
        String firstId = next(agentId, 10).then().statusCode(200).extract().path("id");
        accept(agentId, firstId).then().statusCode(200);
        routed.publish(second);
        awaitState(second, "QUEUED");

        completeAndNext(agentId, firstId, 0).then().statusCode(200)
                .body("completed.id", equalTo(firstId))
                .body("completed.state", equalTo("COMPLETED"))
                .body("completed.resolution", equalTo("ANSWERED"))
                .body("next.contactId", equalTo(second.contactId()))
                .body("next.state", equalTo("RESERVED"))
                .body("next.agentId", equalTo(agentId))
                .body("agentStatus", equalTo("AVAILABLE"));

        assertThat(lifecycleOf(first.contactId(), 4)).containsExactly(LifecycleEventType.QUEUED,
                LifecycleEventType.ASSIGNED, LifecycleEventType.ACCEPTED, LifecycleEventType.COMPLETED);
        assertThat(lifecycleOf(second.contactId(), 2)).containsExactly(LifecycleEventType.QUEUED,
                LifecycleEventType.ASSIGNED);
    }

    @Test
    void completeAndNextWaitsForTheNextItemAndHandsNoneToAnAgentInWrapUp() throws Exception {
        String skill = "skill-" + UUID.randomUUID();
        String waiting = webshopAgent(Office.BACK_OFFICE, skill);
        String wrapping = "agent-" + UUID.randomUUID();
        register(wrapping, Office.BACK_OFFICE, List.of(skill), List.of("nl", "en"), List.of(),
                Map.of("WEBSHOP", 1), 60);
        status(wrapping, "AVAILABLE").then().statusCode(200);
        String waitingItem = heldItem(waiting, Office.BACK_OFFICE, skill);
        String wrappingItem = heldItem(wrapping, Office.BACK_OFFICE, skill);

        var handover = java.util.concurrent.CompletableFuture.supplyAsync(() -> completeAndNext(waiting, waitingItem, 20));
        Thread.sleep(1_500);
        assertThat(handover).as("nothing queued: the agent waits").isNotDone();
        ContactRouted arriving = webshopContact(Office.BACK_OFFICE, skill);
        routed.publish(arriving);
        handover.get(20, java.util.concurrent.TimeUnit.SECONDS).then().statusCode(200)
                .body("completed.id", equalTo(waitingItem))
                .body("next.contactId", equalTo(arriving.contactId()));

        ContactRouted left = webshopContact(Office.BACK_OFFICE, skill);
        routed.publish(left);
        awaitState(left, "QUEUED");
        completeAndNext(wrapping, wrappingItem, 5).then().statusCode(200)
                .body("completed.state", equalTo("COMPLETED"))
                .body("next", nullValue())
                .body("agentStatus", equalTo("WRAP_UP"))
                .body("wrapUpUntil", notNullValue());
        assertThat(stateOf(left)).as("the agent in wrap-up took nothing").isEqualTo("QUEUED");
    }

    @Test
    void completeAndNextOfAnItemNotHeldFailsAndReservesNothing() {
        String skill = "skill-" + UUID.randomUUID();
        String holder = webshopAgent(Office.TECHNICIANS, skill);
        String other = webshopAgent(Office.TECHNICIANS, skill);
        String itemId = heldItem(holder, Office.TECHNICIANS, skill);
        ContactRouted queued = webshopContact(Office.TECHNICIANS, skill);
        routed.publish(queued);
        awaitState(queued, "QUEUED");

        completeAndNext(other, itemId, 0).then().statusCode(403);
        complete(holder, itemId).then().statusCode(200);
        completeAndNext(holder, itemId, 0).then().statusCode(409);
        assertThat(stateOf(queued)).as("a failed completion reserves nothing").isEqualTo("QUEUED");
    }

    @Test
    void anAgentWhoTakesWhatItIsGivenGetsItsItemsAcceptedInTheSameRequest() {
        String skill = "skill-" + UUID.randomUUID();
        ContactRouted first = webshopContact(Office.BACK_OFFICE, skill);
        routed.publish(first);
        String agentId = webshopAgent(Office.BACK_OFFICE, skill);

        String firstId = nextAccepted(agentId, 10).then().statusCode(200)
                .body("contactId", equalTo(first.contactId()))
                .body("state", equalTo("ACCEPTED"))
                .body("acceptedAt", notNullValue())
                .body("messages[0].text", equalTo(first.contact().text()))
                .extract().path("id");
        ContactRouted second = webshopContact(Office.BACK_OFFICE, skill);
        routed.publish(second);
        awaitState(second, "QUEUED");
        completeAndNextAccepted(agentId, firstId, 0).then().statusCode(200)
                .body("completed.state", equalTo("COMPLETED"))
                .body("next.contactId", equalTo(second.contactId()))
                .body("next.state", equalTo("ACCEPTED"))
                .body("agentStatus", equalTo("AVAILABLE"));

        assertThat(lifecycleOf(first.contactId(), 4)).containsExactly(LifecycleEventType.QUEUED,
                LifecycleEventType.ASSIGNED, LifecycleEventType.ACCEPTED, LifecycleEventType.COMPLETED);
        assertThat(lifecycleOf(second.contactId(), 3)).containsExactly(LifecycleEventType.QUEUED,
                LifecycleEventType.ASSIGNED, LifecycleEventType.ACCEPTED);
        assertThat(nextAccepted(agentId, 0).statusCode()).as("one webshop item at a time").isEqualTo(204);
    }

    private static ContactRouted webshopContact(Office office, String skill) {
        return RoutedContacts.contact(Channel.WEBSHOP, office).skills(skill).build();
    }

    /** A new AVAILABLE agent of {@code office} with {@code skill}, for one webshop item at a time. */
    private static String webshopAgent(Office office, String skill) {
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, office, List.of(skill), Map.of("WEBSHOP", 1));
        return agentId;
    }

    /** A new contact of {@code office} needing {@code skill}, pulled and accepted by the agent; its item id. */
    private String heldItem(String agentId, Office office, String skill) {
        routed.publish(webshopContact(office, skill));
        String itemId = next(agentId, 10).then().statusCode(200).extract().path("id");
        accept(agentId, itemId).then().statusCode(200);
        return itemId;
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndTheNextContactStillArrives() {
        String skill = "skill-" + UUID.randomUUID();
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, Office.FRONT_OFFICE, List.of(skill), Map.of("SOCIAL", 1));
        String poisonKey = "poison-" + UUID.randomUUID();

        routed.publishRaw(poisonKey, "{ this is not a routed contact");
        ContactRouted contact = RoutedContacts.contact(Channel.SOCIAL, Office.FRONT_OFFICE).skills(skill).build();
        routed.publish(contact);

        next(agentId, 15).then().statusCode(200).body("contactId", equalTo(contact.contactId()));
        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.CONTACTS_DLQ)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> dlq.getRecords().stream()
                    .anyMatch(record -> poisonKey.equals(record.key())));
        }
    }

    @Test
    void healthReportsKafkaAndDatabaseAndMetricsCarryTheChannel() {
        // Within seconds also right after another test restarted the database.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                .statusCode(200)
                .body(containsString("Reactive PostgreSQL connections health check"))
                .body(containsString("Database connections health check"))
                .body(containsString("SmallRye Reactive Messaging - readiness check"))
                .body(containsString("contacts-routed")));
        String skill = "skill-" + UUID.randomUUID();
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, Office.FRONT_OFFICE, List.of(skill), Map.of("STORE", 1));
        ContactRouted contact = RoutedContacts.contact(Channel.STORE, Office.FRONT_OFFICE).skills(skill).build();
        routed.publish(contact);
        next(agentId, 10).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> RestAssured.get("/q/metrics").then()
                .body(containsString("switchboard_work_lifecycle_total{channel=\"STORE\",type=\"ASSIGNED\"}")));
    }

    /** The types of the first {@code count} lifecycle events of a contact, in published order. */
    private static void awaitState(ContactRouted contact, String state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.equals(stateOf(contact)));
    }

    /** The state of the contact's item, null while it is not stored. */
    private static String stateOf(ContactRouted contact) {
        Response position = as(Tokens.ops("o-1")).get("/api/contacts/" + contact.contactId() + "/position");
        return position.statusCode() == 200 ? position.jsonPath().getString("state") : null;
    }

    private List<LifecycleEventType> lifecycleOf(String contactId, int count) {
        try (ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream()
                    .filter(record -> contactId.equals(record.key())).count() >= count);
            return events.getRecords().stream().filter(record -> contactId.equals(record.key()))
                    .map(WorkFlowTest::event).map(LifecycleEvent::type).toList();
        }
    }

    static LifecycleEvent event(ConsumerRecord<String, String> record) {
        try {
            return Json.mapper().readValue(record.value(), LifecycleEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
