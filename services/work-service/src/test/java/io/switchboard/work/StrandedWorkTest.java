package io.switchboard.work;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Work no agent on duty could take is visible before its service level breaks: per queue in GET /api/queues with
 * the reason (skill, language, region, capacity), as a Prometheus gauge, and as the level {@code items.stranded}
 * on {@code channel.metrics}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class StrandedWorkTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void strandedItemsAreCountedPerQueueWithTheReason() {
        String language = AgentApi.ownLanguage();
        String technician = "tech-" + UUID.randomUUID();
        AgentApi.register(technician, Office.TECHNICIANS, List.of(), List.of(language), List.of("1234"),
                Map.of("WEBSHOP", 2));
        status(technician, "AVAILABLE").then().statusCode(200);
        String back = "back-" + UUID.randomUUID();
        AgentApi.register(back, Office.BACK_OFFICE, List.of(), List.of(language), List.of(), Map.of("WEBSHOP", 2));
        status(back, "AVAILABLE").then().statusCode(200);
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers());
             var levels = kafka.consumeStrings().fromTopics(Topics.CHANNEL_METRICS)) {
            RoutedContacts routed = new RoutedContacts(kafka);
            routed.publish(
                    RoutedContacts.contact(Channel.WEBSHOP, Office.FRONT_OFFICE).language(language)
                            .skills("skill-" + UUID.randomUUID()).build(),
                    RoutedContacts.contact(Channel.WEBSHOP, Office.FRONT_OFFICE).language(AgentApi.ownLanguage())
                            .build(),
                    RoutedContacts.contact(Channel.WEBSHOP, Office.TECHNICIANS).language(language)
                            .metadata(Map.of("postalCode", "9999 AB")).build(),
                    RoutedContacts.contact(Channel.STORE, Office.BACK_OFFICE).language(language).build());

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(Tokens.ops("o-1")).get("/api/queues")
                    .then().statusCode(200)
                    .body(reason(Office.FRONT_OFFICE, Channel.WEBSHOP, "skill"), greaterThanOrEqualTo(1))
                    .body(reason(Office.FRONT_OFFICE, Channel.WEBSHOP, "language"), greaterThanOrEqualTo(1))
                    .body(reason(Office.TECHNICIANS, Channel.WEBSHOP, "region"), greaterThanOrEqualTo(1))
                    .body(reason(Office.BACK_OFFICE, Channel.STORE, "capacity"), greaterThanOrEqualTo(1))
                    .body(queue(Office.FRONT_OFFICE, Channel.WEBSHOP) + ".stranded", greaterThanOrEqualTo(2))
                    .body(queue(Office.FRONT_OFFICE, Channel.WEBSHOP) + ".oldestStrandedWaitSeconds",
                            greaterThanOrEqualTo(0)));
            assertThat(RestAssured.get("/q/metrics").asString()).containsPattern(
                    "switchboard_work_stranded_items\\{channel=\"WEBSHOP\",office=\"FRONT_OFFICE\",reason=\"skill\"} [1-9]");
            await().atMost(Duration.ofSeconds(20)).until(() -> levels.getRecords().stream()
                    .map(record -> read(record.value()))
                    .anyMatch(metrics -> "WEBSHOP".equals(metrics.path("channel").asText())
                            && metrics.path("counters").path("items.stranded").asLong() >= 2));
        }
    }

    private static String queue(Office office, Channel channel) {
        return "find { it.office == '%s' && it.channel == '%s' }".formatted(office, channel);
    }

    private static String reason(Office office, Channel channel, String reason) {
        return queue(office, channel) + ".strandedReasons." + reason;
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
