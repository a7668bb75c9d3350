package io.switchboard.system;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.runtime.SwitchboardStack;
import io.switchboard.runtime.gateway.SignedWebhook;
import io.switchboard.runtime.gateway.Gateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.switchboard.system.SystemStack.api;
import static io.switchboard.system.SystemStack.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.not;

/**
 * The foundation slice end to end, through the packaged services as separate processes on a real broker and
 * database: a signed WhatsApp webhook in, an agent pulls, accepts and completes the work item over HTTP, and the
 * ops-service counts it for the WhatsApp channel. A redelivered webhook creates no second work item.
 */
class WhatsAppToAgentIT {

    private static SwitchboardStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemStack.start(List.of("whatsapp", "routing-engine", "work-service", "ops-service"));
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void signedWhatsAppMessageIsPulledAndCompletedByAnAgentExactlyOnce() {
        String supervisor = stack.keys().token("sup-1", Set.of("supervisor"), Duration.ofHours(1));
        String agent = stack.keys().token("agent-wa-1", Set.of("agent"), Duration.ofHours(1));
        api(supervisor).body(Map.of("name", "Anna de Vries", "office", "FRONT_OFFICE", "skills", List.of(),
                        "languages", List.of("nl", "en"), "capacity", Map.of("WHATSAPP", 3, "PHONE", 1)))
                .put(stack.url("work-service") + "/api/agents/agent-wa-1").then().statusCode(200);
        api(agent).body(Map.of("status", "AVAILABLE"))
                .post(stack.url("work-service") + "/api/agents/me/status").then().statusCode(200);

        String wamid = "wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQTdGRjg4MUI1RTk0NjdCQjE2NQA=";
        SignedWebhook webhook = new Gateways(stack::url)
                .whatsAppText(wamid, "31612345678", "Jan Jansen", "Hoe laat zijn jullie morgen open?");
        long posted = System.nanoTime();
        deliver(stack, webhook).then().statusCode(200);

        Response pulled = api(agent).post(stack.url("work-service") + "/api/work/next?waitSeconds=10");
        long pullableMillis = (System.nanoTime() - posted) / 1_000_000;
        assertThat(pulled.statusCode()).as(pulled.asString()).isEqualTo(200);
        String contactId = ContactIds.of(Channel.WHATSAPP, wamid);
        assertThat(pulled.jsonPath().getString("contactId")).isEqualTo(contactId);
        assertThat(pulled.jsonPath().getString("channel")).isEqualTo("WHATSAPP");
        System.out.printf("webhook accepted -> work item pulled: %d ms%n", pullableMillis);

        // The gateway retries the same delivery: accepted again, but no second work item.
        deliver(stack, webhook).then().statusCode(200);

        String itemId = pulled.jsonPath().getString("id");
        api(agent).post(stack.url("work-service") + "/api/work/" + itemId + "/accept").then().statusCode(200);
        api(agent).body(Map.of("resolution", "ANSWERED", "firstContactResolution", true, "notes", "Open 9-18"))
                .post(stack.url("work-service") + "/api/work/" + itemId + "/complete").then().statusCode(200);

        assertThat(api(agent).post(stack.url("work-service") + "/api/work/next?waitSeconds=3").statusCode())
                .as("the redelivered webhook must not create a second work item").isEqualTo(204);

        // The board is for operations staff and supervisors.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response metrics = RestAssured.given().auth().oauth2(supervisor).get(stack.url("ops-service")
                    + "/api/channels/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(whatsApp(metrics, "received")).isEqualTo(1);
            assertThat(whatsApp(metrics, "completed")).isEqualTo(1);
        });
    }

    /** The API documentation is part of the packaged services, not only of dev mode, and needs no token. */
    @Test
    void everyPackagedServiceServesItsApiDocumentation() {
        for (String service : List.of("whatsapp", "routing-engine", "work-service", "ops-service")) {
            RestAssured.get(stack.url(service) + "/q/swagger-ui/").then().statusCode(200);
            RestAssured.get(stack.url(service) + "/q/openapi?format=json").then().statusCode(200)
                    .body("paths", not(anEmptyMap()));
        }
    }

    private static long whatsApp(Response metrics, String counter) {
        return metrics.jsonPath().getLong("channels.find { it.channel == 'WHATSAPP' }.totals." + counter);
    }
}
