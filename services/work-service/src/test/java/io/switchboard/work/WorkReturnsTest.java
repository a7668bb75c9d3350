package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
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
import static io.switchboard.work.AgentApi.next;
import static io.switchboard.work.AgentApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Work goes back to the head of its queue when nobody handles it: a reservation not accepted in time (3 s in
 * tests), an agent going offline or going silent (12 s in tests), a release; and an escalation moves it to another
 * office's queue with its reason.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class WorkReturnsTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private String skill;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        skill = "skill-" + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void reservationNotAcceptedInTimeReturnsToTheHeadOfItsQueue() {
        String slow = agent(Office.FRONT_OFFICE);
        ContactRouted older = contact(Office.FRONT_OFFICE, 50);
        routed.publish(older);
        String olderId = next(slow, 10).then().statusCode(200).body("contactId", equalTo(older.contactId()))
                .extract().path("id");
        ContactRouted newer = contact(Office.FRONT_OFFICE, 50);
        routed.publish(newer);
        await().atMost(Duration.ofSeconds(10)).until(() -> as(Tokens.ops("o-1")).get("/api/work/" + olderId)
                .jsonPath().getString("state").equals("QUEUED"));

        String quick = agent(Office.FRONT_OFFICE);
        next(quick, 10).then().statusCode(200).body("contactId", equalTo(older.contactId()));
        accept(slow, olderId).then().statusCode(403);
        accept(quick, olderId).then().statusCode(200);
        next(quick, 10).then().statusCode(200).body("contactId", equalTo(newer.contactId()));
    }

    @Test
    void higherPriorityComesFirstThenAge() {
        String agentId = agent(Office.BACK_OFFICE);
        status(agentId, "AWAY").then().statusCode(200);
        // first and second share a customer key, hence a partition, hence their intake order (different channels
        // keep them apart as conversations).
        String customer = "phone:+3162" + (1_000_000 + (int) (Math.random() * 8_999_999));
        ContactRouted first = RoutedContacts.contact(Channel.WHATSAPP, Office.BACK_OFFICE).customer(customer)
                .skills(skill).priority(20).build();
        ContactRouted urgent = contact(Office.BACK_OFFICE, 90);
        ContactRouted second = RoutedContacts.contact(Channel.PHONE, Office.BACK_OFFICE).customer(customer)
                .skills(skill).priority(20).build();
        routed.publish(first, urgent, second);
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of(first, urgent, second).stream()
                .allMatch(contact -> as(Tokens.ops("o-1")).get("/api/contacts/" + contact.contactId() + "/position")
                        .statusCode() == 200));
        status(agentId, "AVAILABLE").then().statusCode(200);

        List<String> order = List.of(pullAndComplete(agentId), pullAndComplete(agentId), pullAndComplete(agentId));
        assertThat(order).containsExactly(urgent.contactId(), first.contactId(), second.contactId());
    }

    @Test
    void withinAPriorityTheContactNearestToBreachingItsServiceLevelComesFirst() {
        String agentId = agent(Office.BACK_OFFICE);
        status(agentId, "AWAY").then().statusCode(200);
        ContactRouted relaxed = RoutedContacts.contact(Channel.WHATSAPP, Office.BACK_OFFICE).skills(skill)
                .priority(40).sla(3600).build();
        ContactRouted pressing = RoutedContacts.contact(Channel.WHATSAPP, Office.BACK_OFFICE).skills(skill)
                .priority(40).sla(20).build();
        ContactRouted urgent = RoutedContacts.contact(Channel.WHATSAPP, Office.BACK_OFFICE).skills(skill)
                .priority(60).sla(3600).build();
        routed.publish(relaxed);
        await().atMost(Duration.ofSeconds(10)).until(() -> as(Tokens.ops("o-1"))
                .get("/api/contacts/" + relaxed.contactId() + "/position").statusCode() == 200);
        routed.publish(pressing, urgent);
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of(pressing, urgent).stream()
                .allMatch(contact -> as(Tokens.ops("o-1")).get("/api/contacts/" + contact.contactId() + "/position")
                        .statusCode() == 200));
        // The newer contact with 20 s to go is ahead of the older one with an hour.
        assertThat(position(relaxed)).isGreaterThan(position(pressing));
        status(agentId, "AVAILABLE").then().statusCode(200);

        List<String> order = List.of(pullAndComplete(agentId), pullAndComplete(agentId), pullAndComplete(agentId));
        assertThat(order).containsExactly(urgent.contactId(), pressing.contactId(), relaxed.contactId());
    }

    @Test
    void goingOfflineReturnsWhatTheAgentHeld() {
        String leaving = agent(Office.FRONT_OFFICE);
        routed.publish(contact(Office.FRONT_OFFICE, 50));
        String id = next(leaving, 10).then().statusCode(200).extract().path("id");
        accept(leaving, id).then().statusCode(200);

        status(leaving, "OFFLINE").then().statusCode(200).body("status", equalTo("OFFLINE"));
        as(Tokens.ops("o-1")).get("/api/work/" + id).then().body("state", equalTo("QUEUED"));
        String colleague = agent(Office.FRONT_OFFICE);
        next(colleague, 5).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void anAgentWhoStopsCallingGoesOfflineAndItsItemsReturn() {
        String silent = agent(Office.TECHNICIANS);
        routed.publish(contact(Office.TECHNICIANS, 50));
        String id = next(silent, 10).then().statusCode(200).extract().path("id");
        accept(silent, id).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> "OFFLINE".equals(
                as(Tokens.supervisor("s-1")).get("/api/agents/" + silent).jsonPath().getString("status")));
        as(Tokens.ops("o-1")).get("/api/work/" + id).then().body("state", equalTo("QUEUED"));
    }

    @Test
    void releaseAndEscalationRequeueWithTheContextTravelling() {
        String front = agent(Office.FRONT_OFFICE);
        ContactRouted contact = contact(Office.FRONT_OFFICE, 50);
        routed.publish(contact);
        String id = next(front, 10).then().statusCode(200).extract().path("id");
        as(Tokens.agent(front)).post("/api/work/" + id + "/release").then().statusCode(200)
                .body("state", equalTo("QUEUED"));
        next(front, 5).then().statusCode(200).body("id", equalTo(id));
        accept(front, id).then().statusCode(200);
        as(Tokens.agent(front)).body(Map.of("toOffice", "BACK_OFFICE", "reason", "contract dispute over 2 years"))
                .post("/api/work/" + id + "/escalate").then().statusCode(200)
                .body("office", equalTo("BACK_OFFICE")).body("state", equalTo("QUEUED"));

        next(front, 1).then().statusCode(204);
        String back = agent(Office.BACK_OFFICE);
        next(back, 5).then().statusCode(200).body("id", equalTo(id))
                .body("escalations", hasSize(1))
                .body("escalations[0].fromOffice", equalTo("FRONT_OFFICE"))
                .body("escalations[0].reason", equalTo("contract dispute over 2 years"))
                .body("escalations[0].agentId", equalTo(front))
                .body("messages[0].text", equalTo(contact.contact().text()));

        try (var events = kafka.consumeStrings().fromTopics(io.switchboard.contracts.Topics.CONTACTS_LIFECYCLE)) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<io.switchboard.contracts.LifecycleEvent> steps = events.getRecords().stream()
                        .filter(record -> contact.contactId().equals(record.key())).map(WorkFlowTest::event).toList();
                assertThat(steps).extracting(io.switchboard.contracts.LifecycleEvent::type).containsExactly(
                        LifecycleEventType.QUEUED, LifecycleEventType.ASSIGNED, LifecycleEventType.RELEASED,
                        LifecycleEventType.ASSIGNED, LifecycleEventType.ACCEPTED, LifecycleEventType.ESCALATED,
                        LifecycleEventType.ASSIGNED);
                assertThat(steps.get(5).details()).containsEntry("fromOffice", "FRONT_OFFICE")
                        .containsEntry("toOffice", "BACK_OFFICE").containsEntry("reason", "contract dispute over 2 years");
                assertThat(steps.get(6).office()).isEqualTo(Office.BACK_OFFICE);
            });
        }
    }

    private static int position(ContactRouted contact) {
        return as(Tokens.ops("o-1")).get("/api/contacts/" + contact.contactId() + "/position").jsonPath()
                .getInt("position");
    }

    private String pullAndComplete(String agentId) {
        var pulled = next(agentId, 10).then().statusCode(200).extract();
        accept(agentId, pulled.path("id")).then().statusCode(200);
        AgentApi.complete(agentId, pulled.path("id")).then().statusCode(200);
        return pulled.path("contactId");
    }

    private String agent(Office office) {
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, office, List.of(skill), Map.of("PHONE", 1, "WHATSAPP", 3));
        return agentId;
    }

    private ContactRouted contact(Office office, int priority) {
        return RoutedContacts.contact(Channel.WHATSAPP, office).skills(skill).priority(priority).build();
    }
}
