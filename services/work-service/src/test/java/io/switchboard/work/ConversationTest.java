package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.accept;
import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.availableAgent;
import static io.switchboard.work.AgentApi.complete;
import static io.switchboard.work.AgentApi.next;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Conversations (follow-ups join the open item), customers leaving the queue, and technicians' regions and visit
 * windows.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class ConversationTest {

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
    void followUpOnTheSameChannelJoinsTheOpenItemAndIsVisibleToTheHolder() {
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, Office.FRONT_OFFICE, List.of(skill), Map.of("WHATSAPP", 3, "PHONE", 1));
        String customer = "phone:+3161" + (1_000_000 + (int) (Math.random() * 8_999_999));
        ContactRouted opening = message(customer, Channel.WHATSAPP, "Mijn bestelling is niet aangekomen");
        routed.publish(opening);
        String id = next(agentId, 10).then().statusCode(200).extract().path("id");
        accept(agentId, id).then().statusCode(200);

        ContactRouted followUp = message(customer, Channel.WHATSAPP, "Ordernummer is 10023");
        ContactRouted otherChannel = message(customer, Channel.PHONE, "Ik bel over mijn bestelling");
        routed.publish(followUp, otherChannel);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(Tokens.agent(agentId)).get("/api/work/" + id)
                .then().body("messages", hasSize(2)).body("messages[1].text", equalTo("Ordernummer is 10023")));
        as(Tokens.ops("o-1")).get("/api/contacts/" + followUp.contactId() + "/position").then().statusCode(200)
                .body("workItemId", equalTo(id));
        next(agentId, 10).then().statusCode(200).body("contactId", equalTo(otherChannel.contactId()));

        complete(agentId, id).then().statusCode(200);
        ContactRouted later = message(customer, Channel.WHATSAPP, "Nog een vraag");
        routed.publish(later);
        next(agentId, 10).then().statusCode(200).body("contactId", equalTo(later.contactId()))
                .body("messages", hasSize(1));
    }

    /** Messages that arrive together are stored as one batch: the first opens the item, the others join it. */
    @Test
    void messagesOfOneCustomerInOneBatchMakeOneConversation() {
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, Office.FRONT_OFFICE, List.of(skill), Map.of("WHATSAPP", 3));
        String customer = "phone:+3163" + (1_000_000 + (int) (Math.random() * 8_999_999));
        ContactRouted first = message(customer, Channel.WHATSAPP, "Hallo");
        ContactRouted second = message(customer, Channel.WHATSAPP, "Mijn internet doet het niet");
        ContactRouted third = message(customer, Channel.WHATSAPP, "Sinds vanochtend");
        routed.publish(first, second, third, second);

        next(agentId, 10).then().statusCode(200).body("contactId", equalTo(first.contactId()))
                .body("messages", hasSize(3)).body("messages[2].text", equalTo("Sinds vanochtend"));
        next(agentId, 1).then().statusCode(204);
    }

    @Test
    void abandonedContactLeavesTheQueueAndTheStepIsPublished() {
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, Office.FRONT_OFFICE, List.of(skill), Map.of("PHONE", 1));
        AgentApi.status(agentId, "AWAY").then().statusCode(200);
        ContactRouted call = RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).skills(skill).build();
        routed.publish(call);
        await().atMost(Duration.ofSeconds(10)).until(() -> as(Tokens.ops("o-1"))
                .get("/api/contacts/" + call.contactId() + "/position").statusCode() == 200);

        try (ConsumerTask<String, String> lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
            hangUp(call.contactId());

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(Tokens.ops("o-1"))
                    .get("/api/contacts/" + call.contactId() + "/position").then()
                    .body("state", equalTo("ABANDONED")).body("position", equalTo(0)));
            await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.getRecords().stream()
                    .anyMatch(record -> call.contactId().equals(record.key())
                            && record.value().contains("\"ABANDONED\"")
                            && record.value().contains("\"FRONT_OFFICE\"")));
        }
        AgentApi.status(agentId, "AVAILABLE").then().statusCode(200);
        next(agentId, 1).then().statusCode(204);
    }

    /** The caller hung up before the contact was stored: it is stored as abandoned and never offered to an agent. */
    @Test
    void abandonThatArrivesBeforeItsContactStillTakesEffect() {
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, Office.FRONT_OFFICE, List.of(skill), Map.of("PHONE", 1));
        ContactRouted call = RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).skills(skill).build();

        double keptBefore = keptForArrival();
        hangUp(call.contactId());
        await().atMost(Duration.ofSeconds(10)).until(() -> keptForArrival() > keptBefore);
        routed.publish(call);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(Tokens.ops("o-1"))
                .get("/api/contacts/" + call.contactId() + "/position").then().statusCode(200)
                .body("state", equalTo("ABANDONED")).body("position", equalTo(0)));
        next(agentId, 1).then().statusCode(204);
    }

    private static double keptForArrival() {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("switchboard_work_abandons_total{") && line.contains("kept_for_arrival"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private void hangUp(String contactId) {
        LifecycleEvent hungUp = new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                LifecycleEventType.ABANDONED, contactId, Channel.PHONE, null, null, null, null, Instant.now(),
                Map.of("reason", "caller hung up"));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_ABANDONED, contactId,
                RoutedContacts.json(hungUp))).awaitCompletion();
    }

    @Test
    void techniciansPullTheirRegionsAndProposeAVisitWindow() {
        String amsterdam = "tech-" + UUID.randomUUID();
        String utrecht = "tech-" + UUID.randomUUID();
        AgentApi.register(amsterdam, Office.TECHNICIANS, List.of(skill), List.of("10"), Map.of("PHONE", 2));
        AgentApi.register(utrecht, Office.TECHNICIANS, List.of(skill), List.of("35"), Map.of("PHONE", 2));
        AgentApi.status(amsterdam, "AVAILABLE").then().statusCode(200);
        AgentApi.status(utrecht, "AVAILABLE").then().statusCode(200);
        ContactRouted fault = RoutedContacts.contact(Channel.PHONE, Office.TECHNICIANS).skills(skill)
                .metadata(Map.of("postalCode", "3512 jk")).text("Storing, geen internet").build();
        routed.publish(fault);

        next(amsterdam, 3).then().statusCode(204);
        String id = next(utrecht, 5).then().statusCode(200).body("postalCode", equalTo("3512JK"))
                .extract().path("id");
        as(Tokens.agent(utrecht)).body(Map.of("from", "2026-12-01T10:00:00Z", "to", "2026-12-01T09:00:00Z"))
                .post("/api/work/" + id + "/visit-window").then().statusCode(400);
        as(Tokens.agent(utrecht)).body(Map.of("from", "2026-12-01T09:00:00Z", "to", "2026-12-01T11:00:00Z"))
                .post("/api/work/" + id + "/visit-window").then().statusCode(200)
                .body("visitWindow.from", equalTo("2026-12-01T09:00:00Z"))
                .body("visitWindow.to", equalTo("2026-12-01T11:00:00Z"));
        as(Tokens.supervisor("s-1")).get("/api/work/" + id).then().body("visitWindow.to",
                equalTo("2026-12-01T11:00:00Z"));
    }

    private ContactRouted message(String customer, Channel channel, String text) {
        return RoutedContacts.contact(channel, Office.FRONT_OFFICE).customer(customer).skills(skill).text(text).build();
    }
}
