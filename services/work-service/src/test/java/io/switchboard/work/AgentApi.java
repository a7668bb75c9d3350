package io.switchboard.work;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.switchboard.contracts.Office;

import java.util.List;
import java.util.Map;

/** The agents' API over HTTP, as an agent's tool and a supervisor call it. */
final class AgentApi {

    private AgentApi() {
    }

    static RequestSpecification as(String token) {
        return RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + token);
    }

    /** Registers an agent (as a supervisor) and makes it AVAILABLE (as the agent). */
    static void availableAgent(String agentId, Office office, List<String> skills, Map<String, Integer> capacity) {
        register(agentId, office, skills, List.of(), capacity);
        status(agentId, "AVAILABLE").then().statusCode(200);
    }

    static void register(String agentId, Office office, List<String> skills, List<String> regions,
            Map<String, Integer> capacity) {
        as(Tokens.supervisor("sup-1"))
                .body(Map.of("name", "Agent " + agentId, "office", office.name(), "skills", skills,
                        "languages", List.of("nl", "en"), "regions", regions, "capacity", capacity))
                .put("/api/agents/" + agentId).then().statusCode(200);
    }

    static Response status(String agentId, String status) {
        return as(Tokens.agent(agentId)).body(Map.of("status", status)).post("/api/agents/me/status");
    }

    static Response next(String agentId, int waitSeconds) {
        return as(Tokens.agent(agentId)).post("/api/work/next?waitSeconds=" + waitSeconds);
    }

    static Response accept(String agentId, String itemId) {
        return as(Tokens.agent(agentId)).post("/api/work/" + itemId + "/accept");
    }

    static Response complete(String agentId, String itemId) {
        return as(Tokens.agent(agentId))
                .body(Map.of("resolution", "ANSWERED", "firstContactResolution", true, "notes", "Open 9-18"))
                .post("/api/work/" + itemId + "/complete");
    }
}
