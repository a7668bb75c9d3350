package io.switchboard.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine commits the offsets it acknowledged, coalesced (messaging/README.md): at most one commit request per
 * 200 ms however often it polls, and nothing left uncommitted once contacts stop coming.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class OffsetCommitTest {

    private static final String GROUP = "routing-engine";
    private static final long INTERVAL_MS = 200;
    private static final int CONTACTS = 40;

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void acknowledgedOffsetsAreCommittedAtMostOncePerInterval() throws Exception {
        ContactTraffic traffic = new ContactTraffic(infrastructure.bootstrapServers());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers()))) {
            ContactReceived last = null;
            double commitsBefore = commits();
            long started = System.nanoTime();
            // One contact a send: many small polls, each of which the latest strategy committed on its own.
            for (int i = 0; i < CONTACTS; i++) {
                last = ContactTraffic.contact(Channel.WEBSHOP, ContactTraffic.uniqueCustomer(), "Waar blijft mijn bestelling?");
                traffic.send(last);
            }
            traffic.routed(last.contactId());
            Map<TopicPartition, Long> end = endOffsets(admin);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                end.forEach((partition, offset) -> assertThat(committed.get(partition))
                        .as("%s", partition).isNotNull()
                        .satisfies(commit -> assertThat(commit.offset()).isGreaterThanOrEqualTo(offset)));
            });
            long intervals = Duration.ofNanos(System.nanoTime() - started).toMillis() / INTERVAL_MS + 1;
            assertThat(commits() - commitsBefore).isLessThanOrEqualTo(intervals);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.CONTACTS_INBOUND)).allTopicNames().get()
                .get(Topics.CONTACTS_INBOUND).partitions().stream()
                .map(info -> new TopicPartition(Topics.CONTACTS_INBOUND, info.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all().get().entrySet().stream()
                .filter(entry -> entry.getValue().offset() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** The engine's consumer's commit requests so far, from its Kafka client metrics on /q/metrics. */
    private static double commits() {
        return RestAssured.get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("kafka_consumer_coordinator_commit_total{")
                        && line.contains("contacts-inbound"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no commit count of the contacts-inbound consumer"));
    }
}
