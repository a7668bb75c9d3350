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
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.OrderPlaced;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.accept;
import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.availableAgent;
import static io.switchboard.work.AgentApi.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Next-best offers and what they earn (issue 18), against the real broker and database: shown to the holder once
 * per item (OFFER_SHOWN), taken on the agent's word with its value, or by a webshop order of the product on
 * {@code contacts.orders} by the customer under a linked key (OFFER_ACCEPTED, source order), once.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class OfferTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    Pool pool;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private ConsumerTask<String, String> lifecycle;
    private String n;
    private String customerKey;
    private String skill;
    private String agentId;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE);
        n = UUID.randomUUID().toString().substring(0, 8);
        customerKey = "phone:+316" + (10_000_000 + (int) (Math.random() * 89_999_999));
        skill = "skill-" + n;
        agentId = "agent-" + UUID.randomUUID();
        // Peers of the same segment hold tv-plus-…: it is the customer's next-best offer.
        String segment = "consumer-" + n;
        as(Tokens.supervisor("s-1")).contentType("text/csv").body("""
                customerKey,name,segment,products
                %1$s,Jan Jansen,%2$s,internet
                peer-1-%3$s,A,%2$s,internet;tv-plus-%3$s
                peer-2-%3$s,B,%2$s,tv-plus-%3$s
                """.formatted(customerKey, segment, n))
                .post("/api/customers/profiles").then().statusCode(200);
        availableAgent(agentId, Office.FRONT_OFFICE, List.of(skill), Map.of("WHATSAPP", 2));
    }

    @AfterEach
    void disconnect() {
        lifecycle.close();
        kafka.close();
    }

    @Test
    void theOfferIsShownOnceAndTheAgentRecordsItTakenWithItsValue() {
        ContactRouted contact = contact();
        String itemId = acceptedItem(contact);

        String shownAt = shown(itemId).then().statusCode(200).body("product", equalTo("tv-plus-" + n))
                .body("agentId", equalTo(agentId)).body("acceptedAt", nullValue()).extract().path("shownAt");
        shown(itemId).then().statusCode(200).body("shownAt", equalTo(shownAt));

        decide(agentId, itemId, Map.of("accepted", false)).then().statusCode(200)
                .body("declinedAt", notNullValue()).body("acceptedAt", nullValue());
        // The customer changed their mind before the call ended.
        decide(agentId, itemId, Map.of("accepted", true, "value", 12.5, "currency", "EUR")).then().statusCode(200)
                .body("acceptedAt", notNullValue()).body("value", equalTo(12.5f)).body("currency", equalTo("EUR"))
                .body("source", equalTo("agent"));
        decide(agentId, itemId, Map.of("accepted", true, "value", 99, "currency", "EUR")).then().statusCode(200)
                .body("value", equalTo(12.5f));
        decide(agentId, itemId, Map.of("accepted", false)).then().statusCode(409);
        decide(agentId, itemId, Map.of("accepted", true)).then().statusCode(400);
        decide("agent-" + UUID.randomUUID(), itemId, Map.of("accepted", false)).then().statusCode(403);

        Settled.readBack(kafka, pool, lifecycle, Topics.CONTACTS_LIFECYCLE);
        List<LifecycleEvent> offers = offerSteps(contact.contactId());
        assertThat(offers).extracting(LifecycleEvent::type)
                .containsExactly(LifecycleEventType.OFFER_SHOWN, LifecycleEventType.OFFER_ACCEPTED);
        assertThat(offers.get(0).details()).containsEntry("product", "tv-plus-" + n);
        assertThat(offers.get(1).details()).containsEntry("product", "tv-plus-" + n)
                .containsEntry("value", "12.50").containsEntry("currency", "EUR")
                .containsEntry("source", "agent");
        assertThat(offers).allSatisfy(event -> assertThat(event.agentId()).isEqualTo(agentId));
    }

    @Test
    void aWebshopOrderOfTheProductUnderALinkedKeyTakesTheOfferOnce() {
        ContactRouted contact = contact();
        String itemId = acceptedItem(contact);
        shown(itemId).then().statusCode(200);
        String emailKey = "email:jan-" + n + "@example.com";
        as(Tokens.supervisor("s-1")).put("/api/customers/" + customerKey + "/links/" + emailKey).then()
                .statusCode(204);

        OrderPlaced order = new OrderPlaced(OrderPlaced.SCHEMA_VERSION, UUID.randomUUID().toString(), "shopify",
                "order-" + n, new Customer(emailKey, null, "jan-" + n + "@example.com", null, "Jan"),
                List.of(new OrderPlaced.Line("Router", "RT-1", 1, new BigDecimal("89.00")),
                        new OrderPlaced.Line("TV Plus", "TV-PLUS-" + n.toUpperCase(), 1, new BigDecimal("15.00"))),
                new BigDecimal("104.00"), "EUR", Instant.now());
        publish(order);
        publish(order); // redelivered

        await().atMost(WAIT).untilAsserted(() -> assertThat(offerSteps(contact.contactId()))
                .extracting(LifecycleEvent::type).contains(LifecycleEventType.OFFER_ACCEPTED));
        Settled.readBack(kafka, pool, lifecycle, Topics.CONTACTS_LIFECYCLE, Settled.ORDERS);
        LifecycleEvent accepted = offerSteps(contact.contactId()).stream()
                .filter(event -> event.type() == LifecycleEventType.OFFER_ACCEPTED).reduce((a, b) -> {
                    throw new AssertionError("taken twice: " + a + ", " + b);
                }).orElseThrow();
        assertThat(accepted.details()).containsEntry("source", "order").containsEntry("value", "15.00")
                .containsEntry("currency", "EUR");
        decide(agentId, itemId, Map.of("accepted", false)).then().statusCode(409);
    }

    @Test
    void noOfferIsRecordedForACustomerWithoutOneNorByAnyoneButTheHolder() {
        String itemId = acceptedItem(RoutedContacts.contact(Channel.WHATSAPP, Office.FRONT_OFFICE).skills(skill)
                .build());
        shown(itemId).then().statusCode(204);
        decide(agentId, itemId, Map.of("accepted", false)).then().statusCode(409);

        String other = acceptedItem(contact());
        as(Tokens.agent("agent-" + UUID.randomUUID())).post("/api/work/" + other + "/offer/shown").then()
                .statusCode(403);
        as(Tokens.supervisor("s-1")).post("/api/work/" + other + "/offer/shown").then().statusCode(403);
        RestAssured.given().post("/api/work/" + other + "/offer/shown").then().statusCode(401);
        RestAssured.given().contentType("application/json").body(Map.of("accepted", false))
                .post("/api/work/" + other + "/offer").then().statusCode(401);
        decide(agentId, UUID.randomUUID().toString(), Map.of("accepted", false)).then().statusCode(404);
        decide(agentId, other, Map.of("accepted", true, "value", -1, "currency", "EUR")).then().statusCode(400);
        decide(agentId, other, Map.of("accepted", true, "value", 1, "currency", "euro")).then().statusCode(400);
    }

    private ContactRouted contact() {
        return RoutedContacts.contact(Channel.WHATSAPP, Office.FRONT_OFFICE).customer(customerKey).skills(skill)
                .build();
    }

    private String acceptedItem(ContactRouted contact) {
        routed.publish(contact);
        String itemId = next(agentId, 10).then().statusCode(200).body("contactId", equalTo(contact.contactId()))
                .extract().path("id");
        accept(agentId, itemId).then().statusCode(200);
        return itemId;
    }

    private io.restassured.response.Response shown(String itemId) {
        return as(Tokens.agent(agentId)).post("/api/work/" + itemId + "/offer/shown");
    }

    private static io.restassured.response.Response decide(String agent, String itemId, Map<String, Object> body) {
        return as(Tokens.agent(agent)).body(body).post("/api/work/" + itemId + "/offer");
    }

    private void publish(OrderPlaced order) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_ORDERS, order.orderId(),
                RoutedContacts.json(order))).awaitCompletion(WAIT);
    }

    private List<LifecycleEvent> offerSteps(String contactId) {
        return lifecycle.getRecords().stream().filter(record -> contactId.equals(record.key()))
                .map(WorkFlowTest::event)
                .filter(event -> event.type() == LifecycleEventType.OFFER_SHOWN
                        || event.type() == LifecycleEventType.OFFER_ACCEPTED)
                .toList();
    }
}
