package io.switchboard.work;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.switchboard.contracts.Office;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        register(agentId, office, skills, List.of("nl", "en"), regions, capacity);
    }

    static void register(String agentId, Office office, List<String> skills, List<String> languages,
            List<String> regions, Map<String, Integer> capacity) {
        register(agentId, office, skills, languages, regions, capacity, null);
    }

    /** With the agent's own wrap-up time after each completed item (null: the configured one). */
    static void register(String agentId, Office office, List<String> skills, List<String> languages,
            List<String> regions, Map<String, Integer> capacity, Integer wrapUpSeconds) {
        Map<String, Object> profile = new HashMap<>(Map.of("name", "Agent " + agentId, "office", office.name(),
                "skills", skills, "languages", languages, "regions", regions, "capacity", capacity));
        if (wrapUpSeconds != null) {
            profile.put("wrapUpSeconds", wrapUpSeconds);
        }
        as(Tokens.supervisor("sup-1")).body(profile).put("/api/agents/" + agentId).then().statusCode(200);
    }

    /**
     * A new AVAILABLE agent of {@code office} on the webshop channel who speaks only {@code language}: tests that
     * give their contacts a language of their own are not disturbed by other tests' agents and items.
     */
    static String ownAgent(Office office, List<String> skills, String language) {
        String agentId = "agent-" + UUID.randomUUID();
        register(agentId, office, skills, List.of(language), List.of(), Map.of("WEBSHOP", 2));
        status(agentId, "AVAILABLE").then().statusCode(200);
        return agentId;
    }

    /** A language no other test uses. */
    static String ownLanguage() {
        return "q" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response release(String agentId, String itemId) {
        return as(Tokens.agent(agentId)).post("/api/work/" + itemId + "/release");
    }

    static Response status(String agentId, String status) {
        return as(Tokens.agent(agentId)).body(Map.of("status", status)).post("/api/agents/me/status");
    }

    static Response next(String agentId, int waitSeconds) {
        return as(Tokens.agent(agentId)).post("/api/work/next?waitSeconds=" + waitSeconds);
    }

    /** The pull of an agent who takes what it is given: the item comes accepted. */
    static Response nextAccepted(String agentId, int waitSeconds) {
        return as(Tokens.agent(agentId)).post("/api/work/next?accept=true&waitSeconds=" + waitSeconds);
    }

    static Response accept(String agentId, String itemId) {
        return as(Tokens.agent(agentId)).post("/api/work/" + itemId + "/accept");
    }

    static Response complete(String agentId, String itemId) {
        return completion(agentId).post("/api/work/" + itemId + "/complete");
    }

    static Response completeAndNext(String agentId, String itemId, int waitSeconds) {
        return completion(agentId).post("/api/work/" + itemId + "/complete-and-next?waitSeconds=" + waitSeconds);
    }

    /** Complete and take the next, accepted. */
    static Response completeAndNextAccepted(String agentId, String itemId, int waitSeconds) {
        return completion(agentId).post("/api/work/" + itemId + "/complete-and-next?accept=true&waitSeconds="
                + waitSeconds);
    }

    private static RequestSpecification completion(String agentId) {
        return as(Tokens.agent(agentId))
                .body(Map.of("resolution", "ANSWERED", "firstContactResolution", true, "notes", "Open 9-18"));
    }
}
