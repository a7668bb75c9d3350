package io.switchboard.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * A batch whose routed events Kafka refuses for good is never acknowledged: the consumer stops with the failure, the
 * health check says so, and no offset is committed, so the contacts are read again. Kafka refuses every routed
 * event here because the producer may send no request above 200 bytes (in production: a broker away for longer
 * than the producer's delivery timeout). Its own consumer group keeps the other tests' offsets out of it.
 */
@QuarkusTest
@TestProfile(UndeliverableBatchTest.RoutedEventsRefused.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class UndeliverableBatchTest {

    private static final String GROUP = "routing-engine-undeliverable";

    public static class RoutedEventsRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.contacts-routed.max.request.size", "200",
                    "mp.messaging.incoming.contacts-inbound.group.id", GROUP,
                    "mp.messaging.incoming.contacts-inbound.auto.offset.reset", "latest");
        }
    }

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void aBatchKafkaDoesNotTakeIsNeverAcknowledged() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeConsumerGroups(List.of(GROUP))
                    .describedGroups().get(GROUP).get().members().stream()
                    .anyMatch(member -> !member.assignment().topicPartitions().isEmpty()));
            ContactTraffic traffic = new ContactTraffic(infrastructure.bootstrapServers());
            ContactReceived contact = ContactTraffic.contact(Channel.PHONE, ContactTraffic.uniqueCustomer(),
                    "Mijn internet doet het niet");
            traffic.send(contact);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.get("/q/health/live").then()
                    .statusCode(503).body(containsString("contacts-inbound")));
            traffic.assertNothingRouted(contact.contactId(), Duration.ofSeconds(2));
            assertThat(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().values())
                    .allSatisfy(offset -> assertThat(offset).isNull());
        }
    }
}
