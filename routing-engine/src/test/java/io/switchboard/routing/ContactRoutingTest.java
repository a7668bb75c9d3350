package io.switchboard.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The engine between contacts.inbound and contacts.routed, on the real broker. */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class ContactRoutingTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    private ContactTraffic traffic;

    @BeforeEach
    void connect() {
        traffic = new ContactTraffic(infrastructure.bootstrapServers());
    }

    @Test
    void faultReportIsRoutedToTheTechniciansKeyedByCustomerWithItsExplanation() {
        String customer = ContactTraffic.uniqueCustomer();
        ContactReceived contact = ContactTraffic.contact(Channel.WHATSAPP, customer, "Mijn internet doet het niet");
        traffic.send(contact);

        ConsumerRecord<String, String> record = traffic.routed(contact.contactId());
        assertThat(record.key()).isEqualTo(customer);
        JsonNode routed = ContactTraffic.read(record.value());
        assertThat(routed.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(routed.path("rst").asText()).isEqualTo("TECHNICAL");
        assertThat(routed.path("intent").asText()).isEqualTo("FAULT_REPORT");
        assertThat(routed.path("office").asText()).isEqualTo("TECHNICIANS");
        assertThat(routed.path("priority").asInt()).isBetween(0, 100);
        assertThat(routed.path("slaSeconds").asInt()).isEqualTo(300);
        assertThat(routed.path("requiredSkills").toString()).contains("troubleshooting");
        assertThat(routed.path("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(routed.path("contact").path("language").asText()).isEqualTo("nl");
        assertThat(routed.path("routedAt").asText()).isNotBlank();
        assertThat(routed.path("explanation").toString())
                .contains("RST TECHNICAL").contains("'fault' matched").contains("TECHNICIANS");
    }

    @Test
    void repeatContactsOfOneCustomerAreServedSooner() {
        String customer = ContactTraffic.uniqueCustomer();
        ContactReceived first = ContactTraffic.contact(Channel.PHONE, customer, "wat zijn de openingstijden van de winkel in delft");
        ContactReceived second = ContactTraffic.contact(Channel.PHONE, customer, "wat zijn de openingstijden van de winkel in gouda");
        traffic.send(first);
        int firstPriority = ContactTraffic.read(traffic.routed(first.contactId()).value()).path("priority").asInt();
        traffic.send(second);
        JsonNode repeat = ContactTraffic.read(traffic.routed(second.contactId()).value());

        assertThat(repeat.path("priority").asInt()).isEqualTo(firstPriority + 10);
        assertThat(repeat.path("explanation").toString()).contains("repeat contact (1 earlier");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        String customer = ContactTraffic.uniqueCustomer();
        String garbage = "{\"contactId\": \"broken-" + UUID.randomUUID() + "\", \"channel\": ";
        String noCustomer = "{\"schemaVersion\":1,\"contactId\":\"nocustomer-" + UUID.randomUUID()
                + "\",\"channel\":\"PHONE\",\"text\":\"hallo\"}";
        traffic.sendRaw(customer, garbage);
        traffic.sendRaw(customer, noCustomer);
        // Same key, so the same partition, behind the two poison messages.
        ContactReceived healthy = ContactTraffic.contact(Channel.STORE, customer, "Klant wil een folder van de tv pakketten");
        traffic.send(healthy);

        assertThat(ContactTraffic.read(traffic.routed(healthy.contactId()).value()).path("office").asText())
                .isEqualTo("FRONT_OFFICE");
        ConsumerRecord<String, String> dead = traffic.deadLetter(garbage);
        assertThat(dead.key()).isEqualTo(customer);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "dead-letter-reason")).contains("not a ContactReceived");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo("contacts.inbound");
        assertThat(header(traffic.deadLetter(noCustomer), "dead-letter-reason"))
                .contains("a contact needs contactId, channel and customer");

        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("switchboard_routing_dead_letters_total{channel=\"unknown\",reason=\"unreadable\"}"));
    }

    @Test
    void aPoisonMessageInABatchIsDeadLetteredAloneAndTheOthersAreRoutedInOrder() throws InterruptedException {
        String customer = ContactTraffic.uniqueCustomer();
        String poison = "{\"contactId\": \"batch-poison-" + UUID.randomUUID() + "\", \"channel\": ";
        List<ContactReceived> before = List.of(
                ContactTraffic.contact(Channel.WEBSHOP, customer, "Waar blijft mijn bestelling?"),
                ContactTraffic.contact(Channel.WEBSHOP, customer, "Ik wil mijn bestelling annuleren"));
        List<ContactReceived> after = List.of(
                ContactTraffic.contact(Channel.WEBSHOP, customer, "Mijn internet doet het niet"),
                ContactTraffic.contact(Channel.WEBSHOP, customer, "Ik wil een klacht indienen"));
        // One producer call, one key: the records are adjacent in one partition and reach the engine in one poll.
        List<String> values = new ArrayList<>(before.stream().map(ContactTraffic::json).toList());
        values.add(poison);
        values.addAll(after.stream().map(ContactTraffic::json).toList());
        traffic.sendRaw(customer, values);

        List<ContactReceived> healthy = new ArrayList<>(before);
        healthy.addAll(after);
        List<ConsumerRecord<String, String>> routed = healthy.stream()
                .map(contact -> traffic.routed(contact.contactId())).toList();
        assertThat(routed).allSatisfy(record -> assertThat(record.key()).isEqualTo(customer));
        assertThat(routed).extracting(ConsumerRecord::offset).isSorted();

        List<ConsumerRecord<String, String>> deadLetters = traffic.deadLetters(customer);
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<String, String> dead = deadLetters.get(0);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(header(dead, "dead-letter-reason")).contains("not a ContactReceived");
        assertThat(header(dead, "dead-letter-cause")).isNotBlank();
        assertThat(header(dead, "dead-letter-topic")).isEqualTo("contacts.inbound");
        assertThat(Integer.parseInt(header(dead, "dead-letter-partition"))).isNotNegative();
        assertThat(Long.parseLong(header(dead, "dead-letter-offset"))).isNotNegative();
    }

    @Test
    void routedContactsAreCountedPerChannelOfficeAndRstWithTheirLatency() {
        ContactReceived contact = new ContactReceived(ContactReceived.SCHEMA_VERSION, "metrics-" + UUID.randomUUID(),
                Channel.SOCIAL, "meta", "m-1", Instant.now(), new Customer("handle:meta:42", null, null, "42", null),
                "Your app is broken, I can't log in since the update", "en", true, List.of(), Map.of());
        traffic.send(contact);
        JsonNode routed = ContactTraffic.read(traffic.routed(contact.contactId()).value());

        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("switchboard_routing_routed_total{channel=\"SOCIAL\",office=\""
                        + routed.path("office").asText() + "\",rst=\"" + routed.path("rst").asText() + "\"}"))
                .body(containsString("switchboard_routing_latency_seconds_count{channel=\"SOCIAL\"}"))
                .body(containsString("switchboard_routing_decision_seconds_count{channel=\"SOCIAL\"}"))
                .body(containsString("switchboard_routing_classification_seconds_count{channel=\"SOCIAL\"}"))
                .body(containsString("switchboard_routing_batch_records_count"));

        JsonNode window = ContactTraffic.read(traffic.channelMetrics(Channel.SOCIAL, "routing-engine/").value());
        assertThat(window.path("counters").path("routed").asLong()).isPositive();
        assertThat(window.path("counters").path("routed." + routed.path("office").asText()).asLong()).isPositive();
        assertThat(window.path("counters").path("rst." + routed.path("rst").asText()).asLong()).isPositive();
    }

    @Test
    void healthIsUpWithTheKafkaChannels() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body(containsString("contacts-inbound"));
        RestAssured.get("/q/health/live").then().statusCode(200);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
