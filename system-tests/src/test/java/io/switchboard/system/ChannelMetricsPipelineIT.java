package io.switchboard.system;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.switchboard.contracts.Channel;
import io.switchboard.runtime.SwitchboardStack;
import io.switchboard.runtime.gateway.Gateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.switchboard.system.SystemStack.api;
import static io.switchboard.system.SystemStack.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations figures per channel through the real pipeline — signed webhooks into the adapters, two
 * routing-engine instances in one consumer group, the work-service and an agent over HTTP — checked against what
 * the test sent and did: counts, waiting, answered, completed, waits and service level.
 */
class ChannelMetricsPipelineIT {

    private static final int WHATSAPP_CONTACTS = 12;
    private static final int STORE_CONTACTS = 6;
    private static final Pattern ROUTED = Pattern.compile("(?m)^switchboard_routing_routed_total\\{[^}]*} ([0-9.]+)$");

    private static SwitchboardStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemStack.start(List.of("whatsapp", "store", "routing-engine", "work-service", "ops-service"),
                options -> options.instances("routing-engine", 2));
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void figuresPerChannelMatchWhatWasSentAndHandled() {
        Gateways gateways = new Gateways(stack::url);
        for (int i = 0; i < WHATSAPP_CONTACTS; i++) {
            deliver(stack, gateways.contact(Channel.WHATSAPP, "wamid.metrics-" + i, "3161000" + (1000 + i), "Klant " + i,
                    "Hoe laat zijn jullie morgen open?")).then().statusCode(200);
        }
        for (int i = 0; i < STORE_CONTACTS; i++) {
            deliver(stack, gateways.contact(Channel.STORE, "T-metrics-" + i, "3162000" + (1000 + i), "Bezoeker " + i,
                    "Wat zijn de openingstijden op zondag?")).then().statusCode(200);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath metrics = metrics();
            assertThat(channel(metrics, "WHATSAPP", "totals.received")).isEqualTo(WHATSAPP_CONTACTS);
            assertThat(channel(metrics, "WHATSAPP", "totals.routed")).isEqualTo(WHATSAPP_CONTACTS);
            assertThat(channel(metrics, "WHATSAPP", "waiting")).isEqualTo(WHATSAPP_CONTACTS);
            assertThat(channel(metrics, "STORE", "totals.received")).isEqualTo(STORE_CONTACTS);
            assertThat(channel(metrics, "STORE", "waiting")).isEqualTo(STORE_CONTACTS);
        });
        long routedByInstances = routedBy("routing-engine") + routedBy("routing-engine-2");
        assertThat(routedByInstances).as("each contact routed once by the two engines together")
                .isEqualTo(WHATSAPP_CONTACTS + STORE_CONTACTS);

        String supervisor = stack.keys().token("sup-metrics", Set.of("supervisor"), Duration.ofHours(1));
        String agent = stack.keys().token("agent-metrics", Set.of("agent"), Duration.ofHours(1));
        api(supervisor).body(Map.of("name", "Mila Bakker", "office", "FRONT_OFFICE", "languages", List.of("nl", "en"),
                "capacity", Map.of("WHATSAPP", 3, "STORE", 1))).put(work("/api/agents/agent-metrics")).then().statusCode(200);
        api(agent).body(Map.of("status", "AVAILABLE")).post(work("/api/agents/me/status")).then().statusCode(200);
        for (int handled = 0; handled < WHATSAPP_CONTACTS + STORE_CONTACTS; handled++) {
            Response item = api(agent).post(work("/api/work/next?waitSeconds=10"));
            assertThat(item.statusCode()).as(item.asString()).isEqualTo(200);
            String id = item.jsonPath().getString("id");
            api(agent).post(work("/api/work/" + id + "/accept")).then().statusCode(200);
            api(agent).body(Map.of("resolution", "INFORMED", "firstContactResolution", true, "notes", ""))
                    .post(work("/api/work/" + id + "/complete")).then().statusCode(200);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath metrics = metrics();
            for (var expected : Map.of("WHATSAPP", (long) WHATSAPP_CONTACTS, "STORE", (long) STORE_CONTACTS).entrySet()) {
                String channel = expected.getKey();
                assertThat(channel(metrics, channel, "waiting")).as(channel).isZero();
                assertThat(channel(metrics, channel, "totals.answered")).as(channel).isEqualTo(expected.getValue());
                assertThat(channel(metrics, channel, "totals.completed")).as(channel).isEqualTo(expected.getValue());
                // Every contact was answered within minutes of arriving: well inside both channels' targets.
                assertThat(metrics.getDouble(path(channel, "totals.serviceLevel"))).as(channel).isEqualTo(1.0);
                assertThat(metrics.getDouble(path(channel, "totals.averageWaitSeconds"))).as(channel).isPositive();
                assertThat(metrics.getDouble(path(channel, "totals.averageHandlingSeconds"))).as(channel).isNotNegative();
            }
        });
    }

    private static long routedBy(String instance) {
        String exposition = RestAssured.given().accept("text/plain; version=0.0.4").get(stack.url(instance) + "/q/metrics")
                .asString();
        Matcher counters = ROUTED.matcher(exposition);
        long routed = 0;
        while (counters.find()) {
            routed += (long) Double.parseDouble(counters.group(1));
        }
        System.out.printf("%s routed %d contacts%n", instance, routed);
        return routed;
    }

    private static JsonPath metrics() {
        String ops = stack.keys().token("ops-metrics", Set.of("ops"), Duration.ofHours(1));
        return RestAssured.given().auth().oauth2(ops).get(stack.url("ops-service") + "/api/channels/metrics").then()
                .statusCode(200).extract().jsonPath();
    }

    private static long channel(JsonPath metrics, String channel, String field) {
        return metrics.getLong(path(channel, field));
    }

    private static String path(String channel, String field) {
        return "channels.find { it.channel == '" + channel + "' }." + field;
    }

    private static String work(String path) {
        return stack.url("work-service") + path;
    }
}
