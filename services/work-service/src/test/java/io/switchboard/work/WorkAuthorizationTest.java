package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Office;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.switchboard.work.AgentApi.accept;
import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.availableAgent;
import static io.switchboard.work.AgentApi.complete;
import static io.switchboard.work.AgentApi.next;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may do what on every endpoint, with real tokens: no or a forged token is 401, a wrong group or someone else's
 * item 403, unknown things 404, a step that does not fit the item's state 409, bad bodies 400, all as problem details.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class WorkAuthorizationTest {

    private static final String PROBLEM = "application/problem+json";

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @ParameterizedTest(name = "{0} {1} without a token is 401")
    @CsvSource({
            "PUT, /api/agents/a-1",
            "GET, /api/agents/a-1",
            "GET, /api/agents/me",
            "POST, /api/agents/me/status",
            "POST, /api/work/next",
            "GET, /api/work/00000000-0000-0000-0000-000000000001",
            "POST, /api/work/00000000-0000-0000-0000-000000000001/accept",
            "POST, /api/work/00000000-0000-0000-0000-000000000001/complete",
            "POST, /api/work/00000000-0000-0000-0000-000000000001/complete-and-next",
            "POST, /api/work/00000000-0000-0000-0000-000000000001/release",
            "POST, /api/work/00000000-0000-0000-0000-000000000001/escalate",
            "POST, /api/work/00000000-0000-0000-0000-000000000001/visit-window",
            "GET, /api/queues",
            "GET, /api/contacts/c-1/position",
            "GET, /api/customers/phone:+31600000000/timeline",
            "PUT, /api/customers/phone:+31600000000/links/email:a@example.com",
            "POST, /api/customers/profiles" })
    void everyEndpointNeedsAToken(String method, String path) {
        String contentType = path.endsWith("/profiles") ? "text/csv" : "application/json";
        RestAssured.given().contentType(contentType).body("{}").request(method, path).then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void tokensOfAnotherKeyOrIssuerAreRefused() throws Exception {
        var foreignKey = KeyPairGenerator.getInstance("RSA");
        foreignKey.initialize(2048);
        String forged = Jwt.issuer(Tokens.ISSUER).subject("a-1").groups(Set.of("supervisor"))
                .sign(foreignKey.generateKeyPair().getPrivate());
        String otherIssuer = Jwt.issuer("https://elsewhere.example").subject("a-1").groups(Set.of("supervisor"))
                .sign();
        as(forged).get("/api/queues").then().statusCode(401).contentType(PROBLEM);
        as(otherIssuer).get("/api/queues").then().statusCode(401).contentType(PROBLEM);
        String noAudience = Jwt.issuer(Tokens.ISSUER).subject("a-1").groups(Set.of("supervisor")).sign();
        String otherAudience = Jwt.issuer(Tokens.ISSUER).audience("another-app").subject("a-1")
                .groups(Set.of("supervisor")).sign();
        as(noAudience).get("/api/queues").then().statusCode(401).contentType(PROBLEM);
        as(otherAudience).get("/api/queues").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void groupsDecideWhoManagesAgentsAndWhoPullsWork() {
        Map<String, Object> profile = Map.of("name", "Bea", "office", "FRONT_OFFICE", "capacity", Map.of("PHONE", 1));
        as(Tokens.agent("a-1")).body(profile).put("/api/agents/a-1").then().statusCode(403).contentType(PROBLEM);
        as(Tokens.ops("o-1")).body(profile).put("/api/agents/a-1").then().statusCode(403);
        as(Tokens.agent("a-1")).get("/api/agents/a-1").then().statusCode(403);
        as(Tokens.supervisor("s-1")).post("/api/work/next").then().statusCode(403);
        as(Tokens.ops("o-1")).body(Map.of("status", "AVAILABLE")).post("/api/agents/me/status").then().statusCode(403);
        as(Tokens.agent("a-1")).body("customerKey,name,segment,products\n").contentType("text/csv")
                .post("/api/customers/profiles").then().statusCode(403);
        as(Tokens.agent("a-1")).put("/api/customers/k-1/links/k-2").then().statusCode(403);
        as(Tokens.ops("o-1")).get("/api/queues").then().statusCode(200);
    }

    @Test
    void unknownThingsAre404() {
        String unknownItem = "/api/work/" + UUID.randomUUID();
        String agent = Tokens.agent("agent-" + UUID.randomUUID());
        as(Tokens.supervisor("s-1")).get("/api/agents/nobody-" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM).body("status", equalTo(404)).body("title", equalTo("Not found"));
        as(agent).body(Map.of("status", "AVAILABLE")).post("/api/agents/me/status").then().statusCode(404);
        as(agent).get("/api/agents/me").then().statusCode(404).contentType(PROBLEM);
        as(agent).post(unknownItem + "/accept").then().statusCode(404).contentType(PROBLEM);
        as(agent).body(Map.of("resolution", "ANSWERED")).post(unknownItem + "/complete").then().statusCode(404);
        as(agent).post(unknownItem + "/release").then().statusCode(404);
        as(agent).body(Map.of("toOffice", "BACK_OFFICE", "reason", "x")).post(unknownItem + "/escalate").then()
                .statusCode(404);
        as(agent).get(unknownItem).then().statusCode(404);
        as(agent).get("/api/contacts/" + UUID.randomUUID() + "/position").then().statusCode(404);
    }

    @Test
    void onlyTheHolderActsAndStepsMustFitTheState() {
        String skill = "skill-" + UUID.randomUUID();
        String holder = "agent-" + UUID.randomUUID();
        String other = "agent-" + UUID.randomUUID();
        availableAgent(holder, Office.FRONT_OFFICE, List.of(skill), Map.of("WEBSHOP", 2));
        availableAgent(other, Office.FRONT_OFFICE, List.of(skill), Map.of("WEBSHOP", 2));
        ContactRouted contact = RoutedContacts.contact(Channel.WEBSHOP, Office.FRONT_OFFICE).skills(skill).build();
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers())) {
            new RoutedContacts(kafka).publish(contact);
        }
        String id = next(holder, 15).then().statusCode(200).extract().path("id");
        String item = "/api/work/" + id;

        accept(other, id).then().statusCode(403).contentType(PROBLEM).body("detail", containsString(other));
        as(Tokens.agent(other)).get(item).then().statusCode(403);
        as(Tokens.agent(other)).post(item + "/release").then().statusCode(403);
        as(Tokens.agent(other)).body(Map.of("toOffice", "BACK_OFFICE", "reason", "x")).post(item + "/escalate")
                .then().statusCode(403);
        as(Tokens.supervisor("s-1")).get(item).then().statusCode(200).body("agentId", equalTo(holder));
        as(Tokens.ops("o-1")).get(item).then().statusCode(200);
        String timeline = "/api/customers/" + contact.contact().customer().key() + "/timeline";
        String position = "/api/contacts/" + contact.contactId() + "/position";
        as(Tokens.agent(other)).get(timeline).then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString(other));
        as(Tokens.agent(other)).get(position).then().statusCode(403);
        as(Tokens.agent(holder)).get(timeline).then().statusCode(200);
        as(Tokens.agent(holder)).get(position).then().statusCode(200);
        as(Tokens.supervisor("s-1")).get(timeline).then().statusCode(200);

        complete(holder, id).then().statusCode(409).contentType(PROBLEM).body("detail", containsString("RESERVED"));
        accept(holder, id).then().statusCode(200);
        accept(holder, id).then().statusCode(409);
        as(Tokens.agent(holder)).body(Map.of("resolution", " ")).post(item + "/complete").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("resolution"));
        as(Tokens.agent(holder)).body(Map.of("from", "2026-12-01T09:00:00Z", "to", "2026-12-01T11:00:00Z"))
                .post(item + "/visit-window").then().statusCode(409);
        as(Tokens.agent(holder)).body(Map.of("toOffice", "FRONT_OFFICE", "reason", "x")).post(item + "/escalate")
                .then().statusCode(400);
        complete(holder, id).then().statusCode(200);
        complete(holder, id).then().statusCode(409).contentType(PROBLEM).body("status", equalTo(409));
        as(Tokens.agent(holder)).post(item + "/release").then().statusCode(409);
        as(Tokens.agent(holder)).body(Map.of("toOffice", "BACK_OFFICE", "reason", "x")).post(item + "/escalate")
                .then().statusCode(409);
    }

    @Test
    void pullingNeedsAProfileAndTheAvailableStatus() {
        String agentId = "agent-" + UUID.randomUUID();
        next(agentId, 0).then().statusCode(409).contentType(PROBLEM).body("detail", containsString("no profile"));
        availableAgent(agentId, Office.BACK_OFFICE, List.of("skill-" + UUID.randomUUID()), Map.of("PHONE", 1));
        AgentApi.status(agentId, "AWAY").then().statusCode(200).body("status", equalTo("AWAY"));
        next(agentId, 0).then().statusCode(409).body("detail", containsString("AWAY"));
        AgentApi.status(agentId, "AVAILABLE").then().statusCode(200);
        next(agentId, 0).then().statusCode(204);
        as(Tokens.agent(agentId)).get("/api/agents/me").then().statusCode(200).body("id", equalTo(agentId))
                .body("status", equalTo("AVAILABLE"));
    }

    @Test
    void badBodiesAre400WithProblemDetails() {
        String supervisor = Tokens.supervisor("s-1");
        as(supervisor).body(Map.of("office", "FRONT_OFFICE")).put("/api/agents/a-x").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("name"));
        as(supervisor).body(Map.of("name", "X", "office", "NOWHERE")).put("/api/agents/a-x").then().statusCode(400)
                .contentType(PROBLEM);
        as(supervisor).body(Map.of("name", "X", "office", "FRONT_OFFICE", "capacity", Map.of("PHONE", -1)))
                .put("/api/agents/a-x").then().statusCode(400);
        as(Tokens.agent("a-x")).body(Map.of("status", "SLEEPING")).post("/api/agents/me/status").then()
                .statusCode(400);
        as(Tokens.agent("a-x")).post("/api/work/next?waitSeconds=600").then().statusCode(400);
        as(supervisor).contentType("text/csv").body("wrong,header\n").post("/api/customers/profiles").then()
                .statusCode(400).contentType(PROBLEM);
    }
}
