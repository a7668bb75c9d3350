package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The customer across channels, the queues, and where a waiting contact stands. */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class CustomerViewTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    private KafkaCompanion kafka;
    private RoutedContacts routed;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void timelineJoinsChannelsByNumberAndLinksWithProductsAndANextBestOffer() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+3165" + Math.abs(n.hashCode() % 10_000_000);
        String phoneKey = "phone:" + phone;
        String whatsappKey = "whatsapp:" + phone.substring(1);
        String emailKey = "email:jan-" + n + "@example.com";
        String segment = "consumer-" + n;
        as(Tokens.supervisor("s-1")).contentType("text/csv").body("""
                customerKey,name,segment,products
                %s,Jan Jansen,%s,internet;mobile
                other-1-%s,A,%s,internet;mobile;tv
                other-2-%s,B,%s,internet;tv;insurance
                other-3-%s,C,%s,tv
                """.formatted(phoneKey, segment, n, segment, n, segment, n, segment))
                .post("/api/customers/profiles").then().statusCode(200).body("imported", equalTo(4));

        routed.publish(routedFrom(Channel.PHONE, new Customer(phoneKey, phone, null, null, "Jan")),
                routedFrom(Channel.WHATSAPP, new Customer(whatsappKey, phone, null, null, "Jan")),
                routedFrom(Channel.WEBSHOP, new Customer(emailKey, null, "jan-" + n + "@example.com", null, "Jan")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(Tokens.supervisor("s-1"))
                .get("/api/customers/" + phoneKey + "/timeline").then().statusCode(200).body("contacts", hasSize(2)));

        as(Tokens.supervisor("s-1")).put("/api/customers/" + whatsappKey + "/links/" + emailKey).then()
                .statusCode(204);
        // The webshop contact is on another partition and may still be on its way.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(Tokens.supervisor("s-1"))
                .get("/api/customers/" + phoneKey + "/timeline").then().statusCode(200)
                .body("contacts", hasSize(3))
                .body("contacts.channel", containsInAnyOrder("PHONE", "WHATSAPP", "WEBSHOP"))
                .body("keys", hasItem(emailKey))
                .body("profile.products", containsInAnyOrder("internet", "mobile"))
                .body("nextBestOffer.product", equalTo("tv"))
                .body("nextBestOffer.share", equalTo(1.0f)));
    }

    @Test
    void queuesAndPositionWithExpectedWaitFromTheHandlingRate() {
        String skill = "skill-" + UUID.randomUUID();
        String agentId = "agent-" + UUID.randomUUID();
        availableAgent(agentId, Office.BACK_OFFICE, List.of(skill), Map.of("STORE", 1));
        List<ContactRouted> visitors = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> RoutedContacts.contact(Channel.STORE, Office.BACK_OFFICE).skills(skill).build())
                .toList();
        routed.publish(visitors.get(0));
        String first = next(agentId, 10).then().statusCode(200).extract().path("id");
        accept(agentId, first).then().statusCode(200);
        complete(agentId, first).then().statusCode(200);
        AgentApi.status(agentId, "AWAY").then().statusCode(200);
        routed.publish(visitors.subList(1, 4));

        // Different customers land on different partitions: the queue order among the three is the intake order.
        await().atMost(Duration.ofSeconds(10)).until(() -> visitors.subList(1, 4).stream()
                .allMatch(visitor -> position(visitor).statusCode() == 200));
        Map<Integer, Long> expectedWaitByPlace = new java.util.TreeMap<>();
        for (ContactRouted visitor : visitors.subList(1, 4)) {
            var position = position(visitor).then().body("basis", equalTo("recent-handling-rate"))
                    .body("expectedWaitSeconds", notNullValue()).extract().jsonPath();
            expectedWaitByPlace.put(position.getInt("position"), position.getLong("expectedWaitSeconds"));
        }
        assertThat(expectedWaitByPlace.keySet()).containsExactly(1, 2, 3);
        assertThat(List.copyOf(expectedWaitByPlace.values())).isSorted().doesNotHaveDuplicates();

        as(Tokens.supervisor("s-1")).get("/api/queues").then().statusCode(200)
                .body("find { it.office == 'BACK_OFFICE' && it.channel == 'STORE' }.waiting", greaterThanOrEqualTo(3))
                .body("find { it.office == 'BACK_OFFICE' && it.channel == 'STORE' }.oldestWaitSeconds",
                        greaterThanOrEqualTo(0));
    }

    private static io.restassured.response.Response position(ContactRouted contact) {
        return as(Tokens.ops("o-1")).get("/api/contacts/" + contact.contactId() + "/position");
    }

    private static ContactRouted routedFrom(Channel channel, Customer customer) {
        ContactReceived contact = ContactReceived.of(channel, "test", UUID.randomUUID().toString(), Instant.now(),
                customer, "Vraag over mijn abonnement", "nl", false, List.of(), Map.of());
        return new ContactRouted(ContactRouted.SCHEMA_VERSION, contact, Rst.ROUTINE, Intent.INFORMATION,
                Office.FRONT_OFFICE, 40, List.of("timeline-" + UUID.randomUUID()), 300, 0.9, List.of(), Instant.now());
    }
}
