package io.switchboard.system;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.runtime.SwitchboardStack;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.switchboard.system.SystemStack.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 as a new user tried it: 30 agents in three offices, registered without skills and made AVAILABLE, and
 * 150 signed WhatsApp messages of ordinary questions, some of which the routing engine gives skills nobody on duty
 * has (complaints, field planning, troubleshooting, sales). Every message reaches an agent: the skills stop being
 * required after the targeting's first step (60 s).
 */
class NoContactStrandedIT {

    private static final int AGENTS_PER_OFFICE = 10;
    private static final int MESSAGES = 150;
    private static final List<String> QUESTIONS = List.of(
            "Hoe laat zijn jullie morgen open?",
            "Ik heb een klacht, mijn factuur klopt alweer niet",
            "Kan er een monteur langskomen om glasvezel aan te sluiten?",
            "Mijn internet doet het al twee dagen niet",
            "Ik wil upgraden naar sneller internet, wat kost dat?");

    private static SwitchboardStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemStack.start(List.of("whatsapp", "routing-engine", "work-service"));
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyMessageReachesAnAgent() throws Exception {
        String supervisor = stack.keys().token("sup-1", Set.of("supervisor"), Duration.ofHours(1));
        List<String> agents = new ArrayList<>();
        for (String office : List.of("FRONT_OFFICE", "BACK_OFFICE", "TECHNICIANS")) {
            for (int n = 0; n < AGENTS_PER_OFFICE; n++) {
                String agentId = office.toLowerCase() + "-" + n;
                api(supervisor).body(Map.of("name", "Agent " + agentId, "office", office, "skills", List.of(),
                                "languages", List.of("nl", "en"), "capacity", Map.of("WHATSAPP", 3)))
                        .put(stack.url("work-service") + "/api/agents/" + agentId).then().statusCode(200);
                api(token(agentId)).body(Map.of("status", "AVAILABLE"))
                        .post(stack.url("work-service") + "/api/agents/me/status").then().statusCode(200);
                agents.add(agentId);
            }
        }

        Gateways gateways = new Gateways(stack::url);
        Set<String> sent = ConcurrentHashMap.newKeySet();
        for (int n = 0; n < MESSAGES; n++) {
            String wamid = "wamid.issue14-" + n;
            SignedWebhook webhook = gateways.whatsAppText(wamid, "3161" + (2000000 + n), "Klant " + n,
                    QUESTIONS.get(n % QUESTIONS.size()));
            RestAssured.given().contentType(webhook.contentType()).headers(webhook.headers()).body(webhook.body())
                    .post(stack.url(webhook.service()) + webhook.path()).then().statusCode(200);
            sent.add(ContactIds.of(Channel.WHATSAPP, wamid));
        }

        Set<String> answered = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        try {
            List<Future<?>> working = new ArrayList<>();
            for (String agentId : agents) {
                working.add(pool.submit(() -> work(agentId, answered, sent.size(), deadline)));
            }
            for (Future<?> agent : working) {
                agent.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answered).as("contacts that reached an agent").containsExactlyInAnyOrderElementsOf(sent);
    }

    /** An agent's tool: pull, accept, complete, until every message was answered or time is up. */
    private static void work(String agentId, Set<String> answered, int expected, long deadline) {
        String token = token(agentId);
        while (answered.size() < expected && System.nanoTime() < deadline) {
            Response pulled = api(token).post(stack.url("work-service") + "/api/work/next?waitSeconds=10");
            if (pulled.statusCode() == 204) {
                continue;
            }
            assertThat(pulled.statusCode()).as(pulled.asString()).isEqualTo(200);
            String id = pulled.jsonPath().getString("id");
            api(token).post(stack.url("work-service") + "/api/work/" + id + "/accept").then().statusCode(200);
            api(token).body(Map.of("resolution", "ANSWERED", "firstContactResolution", true, "notes", "done"))
                    .post(stack.url("work-service") + "/api/work/" + id + "/complete").then().statusCode(200);
            answered.add(pulled.jsonPath().getString("contactId"));
        }
    }

    private static String token(String agentId) {
        return stack.keys().token(agentId, Set.of("agent"), Duration.ofHours(1));
    }
}
