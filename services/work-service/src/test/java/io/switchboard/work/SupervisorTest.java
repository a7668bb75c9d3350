package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
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
import static io.switchboard.work.AgentApi.ownAgent;
import static io.switchboard.work.AgentApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Supervisors' controls through HTTP: the agents' live board, filtered pages of work, reassigning an item to a named
 * agent or back to its queue, forcing an agent offline, agents' states with reasons and wrap-up; each with its
 * 401/403/404/409, and each move a lifecycle event with the supervisor as actor.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class SupervisorTest {

    private static final String SUPERVISOR = "sup-" + UUID.randomUUID();

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    Pool pool;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private String language;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        language = AgentApi.ownLanguage();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void theAgentsBoardShowsLiveStateLoadAndItems() {
        String busy = ownAgent(Office.TECHNICIANS, List.of(), language);
        publish(Office.TECHNICIANS);
        String id = next(busy, 10).then().statusCode(200).extract().path("id");

        supervisor().get("/api/supervisor/agents?office=TECHNICIANS").then().statusCode(200)
                .body("find { it.agent.id == '" + busy + "' }.agent.status", equalTo("AVAILABLE"))
                .body("find { it.agent.id == '" + busy + "' }.load.WEBSHOP", equalTo(1))
                .body("find { it.agent.id == '" + busy + "' }.items", equalTo(List.of(id)))
                .body("agent.office", everyItem(equalTo("TECHNICIANS")));
        RestAssured.get("/api/supervisor/agents").then().statusCode(401);
        as(Tokens.agent(busy)).get("/api/supervisor/agents").then().statusCode(403);
        as(Tokens.ops("o-1")).get("/api/supervisor/agents").then().statusCode(403);
    }

    @Test
    void workIsListedByFilterAndPage() {
        String holder = ownAgent(Office.BACK_OFFICE, List.of(), language);
        publish(Office.BACK_OFFICE);
        publish(Office.BACK_OFFICE);
        ContactRouted waiting = publish(Office.BACK_OFFICE);
        // The agent's capacity is two: the third contact stays in the queue.
        List<String> held = List.of(next(holder, 10).then().statusCode(200).extract().<String>path("id"),
                next(holder, 10).then().statusCode(200).extract().<String>path("id"));

        supervisor().get("/api/supervisor/work?agentId=" + holder + "&state=RESERVED&office=BACK_OFFICE"
                        + "&channel=WEBSHOP&size=1&page=0").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1)).body("items[0].id", equalTo(held.get(0)))
                .body("items[0].messages", nullValue());
        supervisor().get("/api/supervisor/work?agentId=" + holder + "&size=1&page=1").then().statusCode(200)
                .body("items.id", equalTo(held.subList(1, 2)));
        supervisor().get("/api/supervisor/work?state=QUEUED&office=BACK_OFFICE&channel=WEBSHOP&size=500").then()
                .statusCode(200).body("items.contactId", hasItem(waiting.contactId()));
        supervisor().get("/api/supervisor/work?agentId=" + holder + "&minAgeSeconds=3600").then().statusCode(200)
                .body("total", equalTo(0));
        supervisor().get("/api/supervisor/work?size=0").then().statusCode(400);
    }

    @Test
    void anItemIsReassignedToANamedAgentWithTheSupervisorAsActor() {
        String first = ownAgent(Office.FRONT_OFFICE, List.of(), language);
        String named = ownAgent(Office.FRONT_OFFICE, List.of(), language);
        ContactRouted contact = publish(Office.FRONT_OFFICE);
        String id = next(first, 10).then().statusCode(200).extract().path("id");
        accept(first, id).then().statusCode(200);

        reassign(id, Map.of("agentId", named)).then().statusCode(200).body("state", equalTo("RESERVED"))
                .body("agentId", equalTo(named));
        accept(first, id).then().statusCode(403);
        accept(named, id).then().statusCode(200);

        reassign(id, Map.of("agentId", named)).then().statusCode(409);
        reassign(id, Map.of("agentId", "nobody-" + UUID.randomUUID())).then().statusCode(404);
        reassign(UUID.randomUUID().toString(), Map.of("agentId", named)).then().statusCode(404);
        status(first, "OFFLINE").then().statusCode(200);
        reassign(id, Map.of("agentId", first)).then().statusCode(409);
        RestAssured.given().contentType("application/json").body(Map.of("agentId", named))
                .post("/api/supervisor/work/" + id + "/reassign").then().statusCode(401);
        as(Tokens.agent(named)).body(Map.of("agentId", named)).post("/api/supervisor/work/" + id + "/reassign")
                .then().statusCode(403);

        AgentApi.complete(named, id).then().statusCode(200);
        reassign(id, Map.of("agentId", named)).then().statusCode(409);
        assertThat(events(contact)).filteredOn(event -> SUPERVISOR.equals(event.details().get("actor")))
                .singleElement().satisfies(event -> {
                    assertThat(event.type()).isEqualTo(LifecycleEventType.ASSIGNED);
                    assertThat(event.agentId()).isEqualTo(named);
                    assertThat(event.details()).containsEntry("fromAgent", first)
                            .containsEntry("reason", "supervisor-reassigned");
                });
    }

    @Test
    void anItemGoesBackToItsQueueAndAFlaggedOneIsOfferedAfresh() {
        String only = ownAgent(Office.FRONT_OFFICE, List.of(), language);
        ContactRouted contact = publish(Office.FRONT_OFFICE);
        String id = next(only, 10).then().statusCode(200).extract().path("id");
        reassign(id, Map.of()).then().statusCode(200).body("state", equalTo("QUEUED"));
        reassign(id, Map.of()).then().statusCode(409);

        for (int offer = 0; offer < 3; offer++) {
            next(only, 0).then().statusCode(200).body("id", equalTo(id));
            AgentApi.release(only, id).then().statusCode(200);
        }
        supervisor().get("/api/supervisor/work?flagged=true&channel=WEBSHOP&state=QUEUED&size=500").then()
                .statusCode(200).body("items.find { it.id == '" + id + "' }.flaggedAt", notNullValue());
        next(only, 0).then().statusCode(204);
        reassign(id, Map.of()).then().statusCode(200).body("reoffers", equalTo(0)).body("flaggedAt", nullValue());
        next(only, 0).then().statusCode(200).body("id", equalTo(id));

        assertThat(events(contact)).filteredOn(event -> SUPERVISOR.equals(event.details().get("actor")))
                .extracting(LifecycleEvent::type, event -> event.details().get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LifecycleEventType.REQUEUED, "supervisor-requeued"),
                        org.assertj.core.groups.Tuple.tuple(LifecycleEventType.REQUEUED, "supervisor-requeued"));
    }

    @Test
    void aSupervisorTakesAnAgentOffDutyAndItsWorkReturns() {
        String leaving = ownAgent(Office.TECHNICIANS, List.of(), language);
        ContactRouted contact = publish(Office.TECHNICIANS);
        String id = next(leaving, 10).then().statusCode(200).extract().path("id");

        supervisor().post("/api/supervisor/agents/" + leaving + "/offline").then().statusCode(200)
                .body("status", equalTo("OFFLINE"));
        as(Tokens.ops("o-1")).get("/api/work/" + id).then().body("state", equalTo("QUEUED"));
        supervisor().post("/api/supervisor/agents/" + leaving + "/offline").then().statusCode(409);
        supervisor().post("/api/supervisor/agents/nobody-" + UUID.randomUUID() + "/offline").then().statusCode(404);
        RestAssured.post("/api/supervisor/agents/" + leaving + "/offline").then().statusCode(401);
        as(Tokens.agent(leaving)).post("/api/supervisor/agents/" + leaving + "/offline").then().statusCode(403);

        assertThat(events(contact)).filteredOn(event -> event.type() == LifecycleEventType.REQUEUED).singleElement()
                .satisfies(event -> assertThat(event.details()).containsEntry("actor", SUPERVISOR)
                        .containsEntry("reason", "agent-offline"));
    }

    @Test
    void agentsGiveAReasonWhenAwayAndWrapUpAfterCompleting() {
        String agent = ownAgent(Office.FRONT_OFFICE, List.of(), language);
        as(Tokens.agent(agent)).body(Map.of("status", "AWAY", "reason", "TRAINING")).post("/api/agents/me/status")
                .then().statusCode(200).body("statusReason", equalTo("TRAINING"));
        supervisor().get("/api/agents/" + agent).then().body("status", equalTo("AWAY"))
                .body("statusReason", equalTo("TRAINING"));
        as(Tokens.agent(agent)).body(Map.of("status", "AVAILABLE", "reason", "BREAK")).post("/api/agents/me/status")
                .then().statusCode(400);
        as(Tokens.agent(agent)).body(Map.of("status", "WRAP_UP")).post("/api/agents/me/status").then().statusCode(400);

        AgentApi.register(agent, Office.FRONT_OFFICE, List.of(), List.of(language), List.of(), Map.of("WEBSHOP", 2),
                3);
        status(agent, "AVAILABLE").then().statusCode(200).body("statusReason", nullValue());
        publish(Office.FRONT_OFFICE);
        publish(Office.FRONT_OFFICE);
        String id = next(agent, 10).then().statusCode(200).extract().path("id");
        accept(agent, id).then().statusCode(200);
        AgentApi.complete(agent, id).then().statusCode(200);

        supervisor().get("/api/agents/" + agent).then().body("status", equalTo("WRAP_UP"))
                .body("wrapUpUntil", notNullValue());
        next(agent, 0).then().statusCode(409);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> next(agent, 0).statusCode() == 200);
        supervisor().get("/api/agents/" + agent).then().body("status", equalTo("AVAILABLE"));
    }

    private ContactRouted publish(Office office) {
        ContactRouted contact = RoutedContacts.contact(Channel.WEBSHOP, office).language(language).build();
        routed.publish(contact);
        return contact;
    }

    private List<LifecycleEvent> events(ContactRouted contact) {
        try (var events = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> events.getRecords().stream()
                    .anyMatch(record -> contact.contactId().equals(record.key())
                            && WorkFlowTest.event(record).details().containsKey("actor")));
            Settled.readBack(kafka, pool, events, Topics.CONTACTS_LIFECYCLE);
            return events.getRecords().stream().filter(record -> contact.contactId().equals(record.key()))
                    .map(WorkFlowTest::event).toList();
        }
    }

    private static io.restassured.specification.RequestSpecification supervisor() {
        return as(Tokens.supervisor(SUPERVISOR));
    }

    private static io.restassured.response.Response reassign(String id, Map<String, String> body) {
        return supervisor().body(body).post("/api/supervisor/work/" + id + "/reassign");
    }
}
