package io.switchboard.work;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.accept;
import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.completeAndNextAccepted;
import static io.switchboard.work.AgentApi.next;
import static io.switchboard.work.AgentApi.nextAccepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Agents answer the customer (issue 15), against the real broker and database: a reply goes out on
 * {@code contacts.outbound} addressed with the customer's latest message, a retried request sends nothing twice,
 * the providers' windows refuse what they would refuse, delivery statuses on {@code contacts.delivery} move the
 * reply forward only, and accepting a call connects the caller (a connection the agent does not answer returns the
 * call to the queue).
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class ReplyTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    Pool pool;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private String skill;
    private String agentId;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        skill = "skill-" + UUID.randomUUID();
        agentId = "agent-" + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void replyGoesOutAddressedWithTheCustomersLatestMessageAndTheSameKeySendsOnce() {
        profile(Map.of("WHATSAPP", 2), null);
        ContactRouted opening = whatsapp().providerMessageId("wamid.in-" + UUID.randomUUID())
                .metadata(Map.of("phoneNumberId", "106540352242922")).build();
        String itemId = acceptedItem(opening);
        try (ConsumerTask<String, String> outbound = kafka.consumeStrings().fromTopics(Topics.CONTACTS_OUTBOUND);
             ConsumerTask<String, String> lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            String key = UUID.randomUUID().toString();
            String replyId = reply(itemId, key, Map.of("text", "We zijn morgen open van 9 tot 18 uur."))
                    .then().statusCode(202).body("state", equalTo("PENDING")).body("kind", equalTo("REPLY"))
                    .body("agentId", equalTo(agentId)).extract().path("id");
            reply(itemId, key, Map.of("text", "We zijn morgen open van 9 tot 18 uur."))
                    .then().statusCode(200).body("id", equalTo(replyId));

            OutboundMessage sent = await().atMost(WAIT)
                    .until(() -> outboundOf(outbound, replyId), found -> !found.isEmpty()).get(0);
            assertThat(sent.kind()).isEqualTo(OutboundKind.REPLY);
            assertThat(sent.contactId()).isEqualTo(opening.contactId());
            assertThat(sent.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(sent.customer().key()).isEqualTo(opening.contact().customer().key());
            assertThat(sent.text()).isEqualTo("We zijn morgen open van 9 tot 18 uur.");
            assertThat(sent.idempotencyKey()).isEqualTo(key);
            assertThat(sent.agentId()).isEqualTo(agentId);
            assertThat(sent.replyTo().provider()).isEqualTo("whatsapp-cloud-api");
            assertThat(sent.replyTo().providerMessageId()).isEqualTo(opening.contact().providerMessageId());
            assertThat(sent.replyTo().metadata()).containsEntry("phoneNumberId", "106540352242922");
            // PostgreSQL keeps microseconds.
            assertThat(sent.replyTo().receivedAt()).isCloseTo(opening.contact().receivedAt(), within(1, ChronoUnit.MICROS));
            await().atMost(WAIT).until(() -> typesOf(lifecycle, replyId).contains(LifecycleEventType.REPLY_REQUESTED));

            // Everything the two requests published read back: this reply went out once.
            Settled.readBack(kafka, pool, outbound, Topics.CONTACTS_OUTBOUND);
            assertThat(outboundOf(outbound, replyId)).hasSize(1);
            assertThat(outbound.getRecords().stream().filter(record -> record.value().contains(replyId))
                    .map(ConsumerRecord::key)).containsOnly(opening.contactId());
        }
        as(Tokens.agent(agentId)).get("/api/work/" + itemId).then().statusCode(200)
                .body("messages", hasSize(2))
                .body("messages[0].direction", equalTo("INBOUND")).body("messages[0].author", equalTo("customer"))
                .body("messages[1].direction", equalTo("OUTBOUND")).body("messages[1].author", equalTo(agentId))
                .body("messages[1].state", equalTo("PENDING"));
    }

    @Test
    void onlyTheHolderOfAnAcceptedItemReplies() {
        profile(Map.of("WHATSAPP", 2), null);
        routed.publish(whatsapp().build());
        String itemId = next(agentId, 10).then().statusCode(200).extract().path("id");

        reply(itemId, "k-1", Map.of("text", "Hallo")).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("RESERVED"));
        accept(agentId, itemId).then().statusCode(200);
        as(Tokens.agent("someone-else")).header("Idempotency-Key", "k-1").body(Map.of("text", "Hallo"))
                .post("/api/work/" + itemId + "/replies").then().statusCode(403)
                .body("type", equalTo("urn:switchboard:problem:not-the-holder"));
        as(Tokens.agent(agentId)).body(Map.of("text", "Hallo")).post("/api/work/" + itemId + "/replies").then()
                .statusCode(400).body("detail", containsString("is required: a new key per reply"));
        reply(itemId, "k-2", Map.of()).then().statusCode(400).body("detail", containsString("needs text"));
        RestAssured.given().contentType("application/json").header("Idempotency-Key", "k-3")
                .body(Map.of("text", "Hallo")).post("/api/work/" + itemId + "/replies").then().statusCode(401);
        reply(UUID.randomUUID().toString(), "k-4", Map.of("text", "Hallo")).then().statusCode(404);
    }

    @Test
    void whatsAppWindowClosedAsksForATemplateAndTakesOne() {
        profile(Map.of("WHATSAPP", 2), null);
        String itemId = acceptedItem(whatsapp().receivedAt(Instant.now().minus(Duration.ofHours(25))).build());

        reply(itemId, UUID.randomUUID().toString(), Map.of("text", "Sorry voor de late reactie")).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:switchboard:problem:reply-window-closed"))
                .body("detail", containsString("templateName"));
        try (ConsumerTask<String, String> outbound = kafka.consumeStrings().fromTopics(Topics.CONTACTS_OUTBOUND)) {
            String replyId = reply(itemId, UUID.randomUUID().toString(),
                    Map.of("templateName", "order_update", "templateLanguage", "nl")).then().statusCode(202)
                    .extract().path("id");
            OutboundMessage sent = await().atMost(WAIT)
                    .until(() -> outboundOf(outbound, replyId), found -> !found.isEmpty()).get(0);
            assertThat(sent.templateName()).isEqualTo("order_update");
            assertThat(sent.templateLanguage()).isEqualTo("nl");
        }
    }

    @Test
    void messengerDirectMessagesCloseAfterSevenDaysAndCallsTakeNoText() {
        profile(Map.of("SOCIAL", 1, "PHONE", 1), null);
        String dm = acceptedItem(RoutedContacts.contact(Channel.SOCIAL, Office.FRONT_OFFICE).skills(skill)
                .provider("facebook").receivedAt(Instant.now().minus(Duration.ofDays(8))).build());
        reply(dm, "k-1", Map.of("text", "Hallo")).then().statusCode(409)
                .body("type", equalTo("urn:switchboard:problem:reply-window-closed"))
                .body("detail", containsString("HUMAN_AGENT"));
        reply(dm, "k-2", Map.of("text", "Hallo", "templateName", "x")).then().statusCode(400);

        String call = acceptedItem(RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).skills(skill)
                .provider("twilio").build());
        reply(call, "k-1", Map.of("text", "Hallo")).then().statusCode(422)
                .body("type", equalTo("urn:switchboard:problem:not-a-text-channel"));
    }

    @Test
    void deliveryStatusesMoveTheReplyForwardOnlyAndArePublished() {
        profile(Map.of("WHATSAPP", 2), null);
        String itemId = acceptedItem(whatsapp().build());
        String replyId = reply(itemId, UUID.randomUUID().toString(), Map.of("text", "Uw pakket komt morgen"))
                .then().statusCode(202).extract().path("id");
        String wamid = "wamid.out-" + UUID.randomUUID();
        try (ConsumerTask<String, String> lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            ReplyStatus delivered = providerStatus(wamid, DeliveryState.DELIVERED, null);
            // The provider's webhook overtakes the adapter's SENT: kept, and applied when the SENT lands.
            publish(delivered);
            publish(adapterStatus(replyId, wamid, DeliveryState.SENT, null));
            publish(delivered);
            publish(providerStatus(wamid, DeliveryState.READ, null));
            publish(providerStatus(wamid, DeliveryState.DELIVERED, null));

            await().atMost(WAIT).untilAsserted(() -> as(Tokens.agent(agentId)).get("/api/work/" + itemId).then()
                    .body("messages[1].state", equalTo("READ"))
                    .body("messages[1].providerMessageId", equalTo(wamid)));
            await().atMost(WAIT).untilAsserted(() -> assertThat(typesOf(lifecycle, replyId)).containsExactly(
                    LifecycleEventType.REPLY_REQUESTED, LifecycleEventType.REPLY_SENT,
                    LifecycleEventType.REPLY_DELIVERED, LifecycleEventType.REPLY_READ));
            LifecycleEvent read = eventsOf(lifecycle, replyId).get(3);
            assertThat(read.details()).containsEntry("providerMessageId", wamid);
            assertThat(read.agentId()).isEqualTo(agentId);
        }
        RestAssured.get("/q/metrics").then()
                .body(containsString("switchboard_work_replies_total{channel=\"WHATSAPP\",state=\"READ\"}"));
    }

    /** Kept for the SENT it may have overtaken, but not for ever: a message this service never sent. */
    @Test
    void aProviderStatusNoSendClaimsWithinTheRetentionIsForgotten() {
        profile(Map.of("WHATSAPP", 2), null);
        String itemId = acceptedItem(whatsapp().build());
        String replyId = reply(itemId, UUID.randomUUID().toString(), Map.of("text", "Hallo"))
                .then().statusCode(202).extract().path("id");
        String wamid = "wamid.other-" + UUID.randomUUID();
        ReplyStatus old = new ReplyStatus(ReplyStatus.SCHEMA_VERSION, UUID.randomUUID().toString(), null,
                Channel.WHATSAPP, "whatsapp-cloud-api", wamid, DeliveryState.READ, null,
                Instant.now().minus(Duration.ofDays(2)));
        try (ConsumerTask<String, String> lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            publish(old);
            // Kept, then forgotten by the sweep: it runs every second in tests, and the retention is a day.
            Settled.consumed(kafka, Settled.DELIVERY);
            await().atMost(WAIT).until(() -> pool.preparedQuery(
                            "SELECT NOT EXISTS (SELECT 1 FROM early_reply_status WHERE provider_message_id = $1)")
                    .execute(Tuple.of(wamid)).await().indefinitely().iterator().next().getBoolean(0));
            publish(adapterStatus(replyId, wamid, DeliveryState.SENT, null));

            await().atMost(WAIT).until(() -> typesOf(lifecycle, replyId).contains(LifecycleEventType.REPLY_SENT));
            Settled.readBack(kafka, pool, lifecycle, Topics.CONTACTS_LIFECYCLE, Settled.DELIVERY);
            as(Tokens.agent(agentId)).get("/api/work/" + itemId).then().body("messages[1].state", equalTo("SENT"));
            assertThat(typesOf(lifecycle, replyId)).doesNotContain(LifecycleEventType.REPLY_READ);
        }
    }

    @Test
    void failedDeliveryIsVisibleWithTheProvidersError() {
        profile(Map.of("WHATSAPP", 2), null);
        String itemId = acceptedItem(whatsapp().build());
        String replyId = reply(itemId, UUID.randomUUID().toString(), Map.of("text", "Hallo"))
                .then().statusCode(202).extract().path("id");
        String error = "131047 Re-engagement message: more than 24 hours have passed";
        try (ConsumerTask<String, String> lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            publish(adapterStatus(replyId, null, DeliveryState.FAILED, error));
            await().atMost(WAIT).until(() -> typesOf(lifecycle, replyId).contains(LifecycleEventType.REPLY_FAILED));
            // A send reported after the failure (a redelivery from before it) does not bring the reply back.
            publish(adapterStatus(replyId, "wamid.late", DeliveryState.SENT, null));

            assertThat(eventsOf(lifecycle, replyId).stream()
                    .filter(event -> event.type() == LifecycleEventType.REPLY_FAILED).findFirst().orElseThrow()
                    .details()).containsEntry("error", error);
            Settled.readBack(kafka, pool, lifecycle, Topics.CONTACTS_LIFECYCLE, Settled.DELIVERY);
            as(Tokens.agent(agentId)).get("/api/work/" + itemId).then().body("messages[1].state", equalTo("FAILED"))
                    .body("messages[1].error", equalTo(error)).body("messages[1].providerMessageId", nullValue());
            assertThat(typesOf(lifecycle, replyId)).doesNotContain(LifecycleEventType.REPLY_SENT);
        }
    }

    @Test
    void anUnconfirmedSendAfterTheRealOutcomeDoesNotHideIt() {
        profile(Map.of("WHATSAPP", 2), null);
        String itemId = acceptedItem(whatsapp().build());
        String replyId = reply(itemId, UUID.randomUUID().toString(), Map.of("text", "Hallo"))
                .then().statusCode(202).extract().path("id");
        try (ConsumerTask<String, String> lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            publish(adapterStatus(replyId, "wamid.outcome-first", DeliveryState.SENT, null));
            await().atMost(WAIT).until(() -> typesOf(lifecycle, replyId).contains(LifecycleEventType.REPLY_SENT));
            // The adapter's partition moved while it called the provider: its next owner reports the in-flight note.
            publish(adapterStatus(replyId, null, DeliveryState.UNCONFIRMED, "the adapter stopped while sending"));

            Settled.readBack(kafka, pool, lifecycle, Topics.CONTACTS_LIFECYCLE, Settled.DELIVERY);
            as(Tokens.agent(agentId)).get("/api/work/" + itemId).then().body("messages[1].state", equalTo("SENT"))
                    .body("messages[1].providerMessageId", equalTo("wamid.outcome-first"));
            assertThat(typesOf(lifecycle, replyId)).doesNotContain(LifecycleEventType.REPLY_UNCONFIRMED);
        }
    }

    @Test
    void acceptingACallConnectsTheCallerAndAnUnansweredConnectionReturnsTheCall() {
        profile(Map.of("PHONE", 1), "client:" + agentId);
        ContactRouted call = RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).skills(skill)
                .provider("twilio").providerMessageId("CA" + UUID.randomUUID().toString().replace("-", ""))
                .metadata(Map.of("queue", "support")).build();
        routed.publish(call);
        String itemId = next(agentId, 10).then().statusCode(200).extract().path("id");
        try (ConsumerTask<String, String> outbound = kafka.consumeStrings().fromTopics(Topics.CONTACTS_OUTBOUND);
             ConsumerTask<String, String> lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            String replyId = connectIn(accept(agentId, itemId));
            OutboundMessage connect = sentConnect(outbound, replyId);
            assertThat(connect.agentAddress()).isEqualTo("client:" + agentId);
            assertThat(connect.replyTo().provider()).isEqualTo("twilio");
            assertThat(connect.replyTo().providerMessageId()).isEqualTo(call.contact().providerMessageId());
            assertThat(connect.replyTo().metadata()).containsEntry("queue", "support");

            publish(adapterStatus(replyId, call.contact().providerMessageId(), DeliveryState.SENT, null));
            // Another failure first (a redirect Twilio refused): the call stays with the agent.
            publish(adapterStatus(UUID.randomUUID().toString(), null, DeliveryState.FAILED, "n/a"));
            publish(adapterStatus(replyId, call.contact().providerMessageId(), DeliveryState.FAILED,
                    ReplyStatus.AGENT_DID_NOT_ANSWER + ": no-answer"));

            await().atMost(WAIT).untilAsserted(() -> as(Tokens.ops("o-1")).get("/api/work/" + itemId).then()
                    .body("state", equalTo("QUEUED")).body("agentId", nullValue())
                    .body("declinedBy", equalTo(agentId)).body("messages[1].state", equalTo("FAILED")));
            await().atMost(WAIT).until(() -> lifecycle.getRecords().stream().anyMatch(record ->
                    call.contactId().equals(record.key()) && record.value().contains("\"REQUEUED\"")
                            && record.value().contains("agent-did-not-answer")));
        }
    }

    @Test
    void aCallTakenAcceptedIsConnectedInTheSameRequest() {
        profile(Map.of("PHONE", 1), "client:" + agentId);
        ContactRouted call = RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).skills(skill)
                .provider("twilio").providerMessageId("CA" + UUID.randomUUID().toString().replace("-", "")).build();
        try (ConsumerTask<String, String> outbound = kafka.consumeStrings().fromTopics(Topics.CONTACTS_OUTBOUND)) {
            routed.publish(call);
            Response taken = nextAccepted(agentId, 10);
            taken.then().body("contactId", equalTo(call.contactId())).body("state", equalTo("ACCEPTED"));
            OutboundMessage connect = sentConnect(outbound, connectIn(taken));
            assertThat(connect.replyTo().providerMessageId()).isEqualTo(call.contact().providerMessageId());
        }
    }

    @Test
    void theNextCallHandedOverAcceptedIsConnectedInTheCompletionsRequest() {
        profile(Map.of("PHONE", 1), "client:" + agentId);
        ContactRouted first = RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).skills(skill).build();
        ContactRouted second = RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).skills(skill)
                .provider("twilio").providerMessageId("CA" + UUID.randomUUID().toString().replace("-", "")).build();
        routed.publish(first);
        String firstId = nextAccepted(agentId, 10).then().statusCode(200).extract().path("id");
        try (ConsumerTask<String, String> outbound = kafka.consumeStrings().fromTopics(Topics.CONTACTS_OUTBOUND)) {
            routed.publish(second);
            await().atMost(WAIT).untilAsserted(() -> as(Tokens.ops("o-1"))
                    .get("/api/contacts/" + second.contactId() + "/position").then().body("state", equalTo("QUEUED")));

            Response handover = completeAndNextAccepted(agentId, firstId, 0);
            handover.then().body("completed.state", equalTo("COMPLETED"))
                    .body("next.contactId", equalTo(second.contactId())).body("next.state", equalTo("ACCEPTED"));
            OutboundMessage connect = sentConnect(outbound, connectIn(handover, "next."));
            assertThat(connect.replyTo().providerMessageId()).isEqualTo(second.contact().providerMessageId());
        }
    }

    @Test
    void aConnectionThatFailedForAnotherReasonLeavesTheCallWithTheAgent() {
        profile(Map.of("PHONE", 1), "client:" + agentId);
        ContactRouted call = RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).skills(skill)
                .provider("twilio").providerMessageId("CA" + UUID.randomUUID().toString().replace("-", "")).build();
        routed.publish(call);
        String itemId = next(agentId, 10).then().statusCode(200).extract().path("id");
        String replyId = accept(agentId, itemId).then().statusCode(200).extract().path("messages[1].replyId");

        publish(adapterStatus(replyId, null, DeliveryState.FAILED,
                "Twilio replies are not configured: set SWITCHBOARD_TWILIO_ACCOUNT_SID"));

        await().atMost(WAIT).untilAsserted(() -> as(Tokens.ops("o-1")).get("/api/work/" + itemId).then()
                .body("messages[1].state", equalTo("FAILED")));
        as(Tokens.ops("o-1")).get("/api/work/" + itemId).then().body("state", equalTo("ACCEPTED"))
                .body("agentId", equalTo(agentId));
    }

    @Test
    void acceptingAStoreVisitCallsTheTicketToTheAgentsDesk() {
        Map<String, Object> profile = Map.of("name", "Agent " + agentId, "office", "FRONT_OFFICE", "skills",
                List.of(skill), "capacity", Map.of("STORE", 1), "desk", "user:15151,desk:3");
        as(Tokens.supervisor("sup-1")).body(profile).put("/api/agents/" + agentId).then().statusCode(200)
                .body("desk", equalTo("user:15151,desk:3"));
        AgentApi.status(agentId, "AVAILABLE").then().statusCode(200);
        ContactRouted visit = RoutedContacts.contact(Channel.STORE, Office.FRONT_OFFICE).skills(skill)
                .provider("store-queue").providerMessageId("ticket-A042-" + UUID.randomUUID()).build();
        routed.publish(visit);
        String itemId = next(agentId, 10).then().statusCode(200).extract().path("id");
        try (ConsumerTask<String, String> outbound = kafka.consumeStrings().fromTopics(Topics.CONTACTS_OUTBOUND)) {
            String replyId = accept(agentId, itemId).then().statusCode(200).extract().path("messages[1].replyId");
            OutboundMessage connect = sentConnect(outbound, replyId);
            assertThat(connect.agentAddress()).isEqualTo("user:15151,desk:3");
            assertThat(connect.replyTo().providerMessageId()).isEqualTo(visit.contact().providerMessageId());
        }
    }

    @Test
    void anAgentWithoutAPhoneAddressKeepsTheCallButTheThreadSaysTheCallerWasNotConnected() {
        as(Tokens.supervisor("sup-1")).body(Map.of("name", "X", "office", "FRONT_OFFICE", "phoneAddress", "0612345678",
                "desk", "Balie 3")).put("/api/agents/" + agentId).then().statusCode(400)
                .body("detail", containsString("phoneAddress must be client:")).body("detail", containsString("desk must be"));
        profile(Map.of("PHONE", 1), null);
        routed.publish(RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).skills(skill).provider("twilio")
                .build());
        String itemId = next(agentId, 10).then().statusCode(200).extract().path("id");
        accept(agentId, itemId).then().statusCode(200).body("state", equalTo("ACCEPTED"))
                .body("messages[1].kind", equalTo("CONNECT")).body("messages[1].state", equalTo("FAILED"))
                .body("messages[1].error", containsString("has no phoneAddress"));
    }

    @Test
    void cannedResponsesComeFromConfigurationPerOfficeAndIntent() {
        as(Tokens.agent(agentId)).get("/api/canned-responses?office=FRONT_OFFICE&intent=INFORMATION").then()
                .statusCode(200).body("texts", contains("We zijn open van maandag tot vrijdag, 9 tot 18 uur.",
                        "Kijk voor de actuele tijden op onze website.", "Bedankt voor uw bericht."));
        as(Tokens.agent(agentId)).get("/api/canned-responses?office=BACK_OFFICE&intent=COMPLAINT").then()
                .statusCode(200).body("texts", empty());
        as(Tokens.agent(agentId)).get("/api/canned-responses").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.ops("o-1")).get("/api/canned-responses?office=FRONT_OFFICE").then().statusCode(403);
    }

    /** The accepted call's CONNECT to this agent's phone address, first in its thread after the call: its reply id. */
    private String connectIn(Response accepted) {
        return connectIn(accepted, "");
    }

    /** As {@link #connectIn(Response)}, for the item at {@code path} in the response ("next." of a handover). */
    private String connectIn(Response accepted, String path) {
        return accepted.then().statusCode(200)
                .body(path + "messages[1].kind", equalTo("CONNECT")).body(path + "messages[1].state", equalTo("PENDING"))
                .body(path + "messages[1].agentAddress", equalTo("client:" + agentId))
                .extract().path(path + "messages[1].replyId");
    }

    /** The CONNECT handed to the channel's adapter on {@code contacts.outbound}. */
    private static OutboundMessage sentConnect(ConsumerTask<String, String> outbound, String replyId) {
        OutboundMessage connect = await().atMost(WAIT)
                .until(() -> outboundOf(outbound, replyId), found -> !found.isEmpty()).get(0);
        assertThat(connect.kind()).isEqualTo(OutboundKind.CONNECT);
        return connect;
    }

    private void profile(Map<String, Integer> capacity, String phoneAddress) {
        Map<String, Object> profile = new HashMap<>(Map.of("name", "Agent " + agentId, "office", "FRONT_OFFICE",
                "skills", List.of(skill), "languages", List.of("nl", "en"), "capacity", capacity));
        if (phoneAddress != null) {
            profile.put("phoneAddress", phoneAddress);
        }
        as(Tokens.supervisor("sup-1")).body(profile).put("/api/agents/" + agentId).then().statusCode(200)
                .body("phoneAddress", equalTo(phoneAddress));
        AgentApi.status(agentId, "AVAILABLE").then().statusCode(200);
    }

    private RoutedContacts.Builder whatsapp() {
        return RoutedContacts.contact(Channel.WHATSAPP, Office.FRONT_OFFICE).skills(skill)
                .provider("whatsapp-cloud-api");
    }

    private String acceptedItem(ContactRouted contact) {
        routed.publish(contact);
        String itemId = next(agentId, 10).then().statusCode(200).body("contactId", equalTo(contact.contactId()))
                .extract().path("id");
        accept(agentId, itemId).then().statusCode(200);
        return itemId;
    }

    private Response reply(String itemId, String idempotencyKey, Map<String, Object> body) {
        return as(Tokens.agent(agentId)).header("Idempotency-Key", idempotencyKey).body(body)
                .post("/api/work/" + itemId + "/replies");
    }

    /** As the channel's adapter reports its send. */
    private static ReplyStatus adapterStatus(String replyId, String providerMessageId, DeliveryState state,
            String error) {
        return new ReplyStatus(ReplyStatus.SCHEMA_VERSION, UUID.randomUUID().toString(), replyId, Channel.WHATSAPP,
                "whatsapp-cloud-api", providerMessageId, state, error, Instant.now());
    }

    /** As the adapter forwards the provider's status webhook: it knows only the provider's message id. */
    private static ReplyStatus providerStatus(String providerMessageId, DeliveryState state, String error) {
        return adapterStatus(null, providerMessageId, state, error);
    }

    private void publish(ReplyStatus status) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_DELIVERY, status.key(),
                RoutedContacts.json(status))).awaitCompletion(WAIT);
    }

    private static List<OutboundMessage> outboundOf(ConsumerTask<String, String> outbound, String replyId) {
        return outbound.getRecords().stream().map(record -> read(record.value(), OutboundMessage.class))
                .filter(message -> replyId.equals(message.replyId())).toList();
    }

    private static List<LifecycleEvent> eventsOf(ConsumerTask<String, String> lifecycle, String replyId) {
        return lifecycle.getRecords().stream().map(record -> read(record.value(), LifecycleEvent.class))
                .filter(event -> replyId.equals(event.details().get("replyId"))).toList();
    }

    private static List<LifecycleEventType> typesOf(ConsumerTask<String, String> lifecycle, String replyId) {
        return eventsOf(lifecycle, replyId).stream().map(LifecycleEvent::type).toList();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
