package io.switchboard.system;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.switchboard.runtime.SwitchboardStack;
import io.switchboard.runtime.gateway.Gateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.switchboard.system.SystemStack.api;
import static io.switchboard.system.SystemStack.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The loop closed across the packaged services: a customer's signed WhatsApp message reaches an agent, the agent
 * answers from the work-service's API, the WhatsApp adapter sends the answer through the Cloud API (a WireMock server
 * on a real port stands in for Meta), and Meta's signed status webhooks move the reply to delivered and read on the
 * agent's item and in the operations figures. A retried request with the same idempotency key sends nothing more.
 * Once an item is completed the customer is asked for a score on the same channel — a text on WhatsApp, quick
 * replies on Messenger (the same WireMock server stands in for the Graph API) — and the answer is feedback, not work:
 * it counts in each channel's live NPS and in the day's report alike.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerAnsweredIT {

    private static final String ACCESS_TOKEN = "system-test-whatsapp-token";
    private static final String MESSAGES_PATH = "/v21.0/" + Gateways.WHATSAPP_PHONE_NUMBER_ID + "/messages";
    private static final String REPLY_WAMID = "wamid.HBgLMzE2MTIzNDU2NzgVAgARGBJSZXBseUZyb21Td2l0Y2hib2FyZA==";
    private static final String SEND_API_PATH = "/v25.0/1234567890/messages";

    private static WireMockServer cloudApi;
    private static SwitchboardStack stack;

    @BeforeAll
    static void startSystem() {
        cloudApi = new WireMockServer(options().dynamicPort());
        cloudApi.start();
        cloudApi.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"31687654321","wa_id":"31687654321"}],\
                        "messages":[{"id":"%s"}]}""".formatted(REPLY_WAMID))));
        cloudApi.stubFor(post(urlEqualTo(SEND_API_PATH)).willReturn(okJson(
                "{\"recipient_id\":\"psid-survey\",\"message_id\":\"m_survey_from_switchboard\"}")));
        stack = SystemStack.start(List.of("whatsapp", "social", "routing-engine", "work-service", "ops-service"),
                builder -> builder.environment(Map.of("SWITCHBOARD_WHATSAPP_API_URL", cloudApi.baseUrl(),
                        "SWITCHBOARD_WHATSAPP_API_VERSION", "v21.0", "SWITCHBOARD_WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN,
                        "SWITCHBOARD_META_GRAPH_URL", cloudApi.baseUrl() + "/v25.0",
                        "SWITCHBOARD_META_PAGE_ACCESS_TOKEN", "system-test-page-token",
                        // Asked a second after completion instead of a minute, so the test need not wait.
                        "SWITCHBOARD_SURVEY_DELAY", "PT1S", "SWITCHBOARD_SURVEY_INTERVAL", "1s")));
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
        if (cloudApi != null) {
            cloudApi.stop();
        }
    }

    @Test
    @Order(1)
    void theAgentsAnswerReachesTheCustomerOnWhatsAppAndIsSeenDeliveredAndRead() {
        String supervisor = stack.keys().token("sup-reply", Set.of("supervisor"), Duration.ofHours(1));
        String agent = stack.keys().token("agent-reply", Set.of("agent"), Duration.ofHours(1));
        api(supervisor).body(Map.of("name", "Sanne Visser", "office", "FRONT_OFFICE", "skills", List.of(),
                        "languages", List.of("nl", "en"), "capacity", Map.of("WHATSAPP", 3)))
                .put(work("/api/agents/agent-reply")).then().statusCode(200);
        api(agent).body(Map.of("status", "AVAILABLE")).post(work("/api/agents/me/status")).then().statusCode(200);

        Gateways gateways = new Gateways(stack::url);
        deliver(stack, gateways.whatsAppText("wamid.HBgLMzE2ODc2NTQzMjEVAgASGBRDdXN0b21lckFza3NPcGVuaW5n",
                "31687654321", "Fatima el Amrani", "Zijn jullie zaterdag open?")).then().statusCode(200);
        Response pulled = api(agent).post(work("/api/work/next?waitSeconds=20"));
        assertThat(pulled.statusCode()).as(pulled.asString()).isEqualTo(200);
        String item = pulled.jsonPath().getString("id");
        api(agent).post(work("/api/work/" + item + "/accept")).then().statusCode(200);

        Map<String, Object> answer = Map.of("text", "Ja, zaterdag zijn we open van 9 tot 17 uur.");
        Response sent = api(agent).header("Idempotency-Key", "reply-1").body(answer).post(work("/api/work/" + item + "/replies"));
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(202);
        String replyId = sent.jsonPath().getString("id");
        // The agent's client retries (a timeout on its side): the same reply, not a second message.
        Response retried = api(agent).header("Idempotency-Key", "reply-1").body(answer)
                .post(work("/api/work/" + item + "/replies"));
        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(200);
        assertThat(retried.jsonPath().getString("id")).isEqualTo(replyId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reply(agent, item, replyId))
                .containsEntry("state", "SENT").containsEntry("providerMessageId", REPLY_WAMID));
        cloudApi.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(matchingJsonPath("$.to", equalTo("31687654321")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("Ja, zaterdag zijn we open van 9 tot 17 uur."))));

        deliver(stack, gateways.whatsAppStatus(REPLY_WAMID, "31687654321", "delivered")).then().statusCode(200);
        deliver(stack, gateways.whatsAppStatus(REPLY_WAMID, "31687654321", "read")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reply(agent, item, replyId))
                .containsEntry("state", "READ"));
        cloudApi.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));

        String ops = stack.keys().token("ops-reply", Set.of("ops"), Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api(ops).get(stack.url("ops-service")
                + "/q/metrics").asString()).containsPattern(
                "switchboard_ops_replies_total\\{[^}]*channel=\"WHATSAPP\"[^}]*state=\"read\"[^}]*} 1\\.0"));
    }

    @Test
    @Order(2)
    void theCustomerIsAskedForAScoreAndTheAnswerCountsLiveAndInTheReport() {
        String agent = stack.keys().token("agent-reply", Set.of("agent"), Duration.ofHours(1));
        String customer = "31698765432";
        Gateways gateways = new Gateways(stack::url);
        deliver(stack, gateways.whatsAppText("wamid.HBgLMzE2OTg3NjU0MzIVAgASGBRDdXN0b21lckFza3NQcmljZQ==",
                customer, "Joost Bakker", "Tot hoe laat zijn jullie vrijdag open?")).then().statusCode(200);
        Response pulled = api(agent).post(work("/api/work/next?waitSeconds=20"));
        assertThat(pulled.statusCode()).as(pulled.asString()).isEqualTo(200);
        String item = pulled.jsonPath().getString("id");
        api(agent).post(work("/api/work/" + item + "/accept")).then().statusCode(200);
        api(agent).body(Map.of("resolution", "ANSWERED", "firstContactResolution", true))
                .post(work("/api/work/" + item + "/complete")).then().statusCode(200);

        // The survey goes out through the Cloud API like a reply: a text, since a WhatsApp list holds 10 rows.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> cloudApi.verify(1,
                postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(matchingJsonPath("$.to", equalTo(customer)))
                        .withRequestBody(matchingJsonPath("$.text.body", containing("10")))));

        deliver(stack, gateways.whatsAppText("wamid.HBgLMzE2OTg3NjU0MzIVAgASGBRDdXN0b21lclNjb3JlTmluZQ==",
                customer, "Joost Bakker", "9, heel snel geholpen")).then().statusCode(200);

        String ops = stack.keys().token("ops-survey", Set.of("ops"), Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(surveyFigure(ops, "WHATSAPP", "answered")).isEqualTo(1.0);
            assertThat(surveyFigure(ops, "WHATSAPP", "nps")).isEqualTo(100.0);
        });
        assertThat(api(agent).post(work("/api/work/next?waitSeconds=2")).statusCode())
                .as("a survey answer is feedback, not work").isEqualTo(204);

        // The day's report from PostgreSQL agrees with the live figures built from the events.
        String supervisor = stack.keys().token("sup-reply", Set.of("supervisor"), Duration.ofHours(1));
        JsonPath live = api(ops).get(stack.url("ops-service") + "/api/channels/metrics").jsonPath();
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        List<Map<String, Object>> rows = api(supervisor).get(work("/api/reports?from=" + today + "&to="
                + LocalDate.parse(today).plusDays(1) + "&interval=P1D&channel=WHATSAPP")).then().statusCode(200)
                .extract().jsonPath().getList("rows");
        for (String figure : List.of("offered", "answered", "completed")) {
            assertThat(rows.stream().mapToLong(row -> ((Number) row.get(figure)).longValue()).sum()).as(figure)
                    .isEqualTo(live.getLong("channels.find { it.channel == 'WHATSAPP' }.totals." + figure));
        }
        assertThat(rows).filteredOn(row -> ((Number) row.get("surveysAnswered")).longValue() > 0).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("nps")).doubleValue()).isEqualTo(100.0));
    }

    @Test
    @Order(3)
    void aMessengerCustomerTapsAScoreAndEachChannelHasItsOwnNps() throws Exception {
        String supervisor = stack.keys().token("sup-reply", Set.of("supervisor"), Duration.ofHours(1));
        String agent = stack.keys().token("agent-reply", Set.of("agent"), Duration.ofHours(1));
        api(supervisor).body(Map.of("name", "Sanne Visser", "office", "FRONT_OFFICE", "skills", List.of(),
                        "languages", List.of("nl", "en"), "capacity", Map.of("WHATSAPP", 3, "SOCIAL", 3)))
                .put(work("/api/agents/agent-reply")).then().statusCode(200);
        Gateways gateways = new Gateways(stack::url);
        deliver(stack, gateways.messengerMessage("m_question_survey", "psid-survey", "Tot hoe laat zijn jullie zaterdag open?",
                null)).then().statusCode(200);
        Response pulled = api(agent).post(work("/api/work/next?waitSeconds=20"));
        assertThat(pulled.statusCode()).as(pulled.asString()).isEqualTo(200);
        assertThat(pulled.jsonPath().getString("channel")).isEqualTo("SOCIAL");
        String item = pulled.jsonPath().getString("id");
        api(agent).post(work("/api/work/" + item + "/accept")).then().statusCode(200);
        api(agent).body(Map.of("resolution", "ANSWERED", "firstContactResolution", true))
                .post(work("/api/work/" + item + "/complete")).then().statusCode(200);

        // Messenger's survey carries eleven quick replies; the customer taps "3".
        List<LoggedRequest> sent = await().atMost(Duration.ofSeconds(30)).until(() -> cloudApi.findAll(
                postRequestedFor(urlEqualTo(SEND_API_PATH)).withRequestBody(matchingJsonPath("$.message.quick_replies"))),
                found -> !found.isEmpty());
        JsonPath survey = JsonPath.from(sent.get(0).getBodyAsString());
        assertThat(survey.getString("recipient.id")).isEqualTo("psid-survey");
        assertThat(survey.getList("message.quick_replies")).hasSize(11);
        deliver(stack, gateways.messengerMessage("m_answer_survey", "psid-survey", "3",
                survey.getString("message.quick_replies[3].payload"))).then().statusCode(200);

        String ops = stack.keys().token("ops-survey", Set.of("ops"), Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(surveyFigure(ops, "SOCIAL", "nps")).isEqualTo(-100.0);
            assertThat(surveyFigure(ops, "WHATSAPP", "nps")).isEqualTo(100.0);
        });
        assertThat(api(agent).post(work("/api/work/next?waitSeconds=2")).statusCode())
                .as("a tapped score is feedback, not work").isEqualTo(204);
    }

    /** A channel's survey figure in the live totals of the ops-service; null while it has none. */
    private static Double surveyFigure(String token, String channel, String figure) {
        Number value = api(token).get(stack.url("ops-service") + "/api/feedback?by=channel").jsonPath()
                .get("groups.find { it.key == '" + channel + "' }.totals.surveys." + figure);
        return value == null ? null : value.doubleValue();
    }

    /** The agent's reply as the item's thread shows it. */
    private static Map<String, Object> reply(String agent, String item, String replyId) {
        List<Map<String, Object>> messages = api(agent).get(work("/api/work/" + item)).jsonPath().getList("messages");
        return messages.stream().filter(message -> replyId.equals(message.get("replyId"))).findFirst().orElseThrow();
    }

    private static String work(String path) {
        return stack.url("work-service") + path;
    }
}
