package io.switchboard.work;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.availableAgent;
import static io.switchboard.work.AgentApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The work service reports on channel.metrics how many agents can take each channel's contacts right now. */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class AgentAvailabilityTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void availableAgentsPerChannelFollowAgentsStatus() {
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers());
             ConsumerTask<String, String> levels = kafka.consumeStrings().fromTopics(Topics.CHANNEL_METRICS)) {
            long before = awaitLevel(levels, null);

            String agentId = "agent-" + UUID.randomUUID();
            availableAgent(agentId, Office.FRONT_OFFICE, List.of(), Map.of("SOCIAL", 2, "PHONE", 0));
            assertThat(awaitLevel(levels, before + 1)).isEqualTo(before + 1);

            status(agentId, "OFFLINE").then().statusCode(200);
            assertThat(awaitLevel(levels, before)).isEqualTo(before);
        }
    }

    /** The newest SOCIAL level reported after now, once it equals {@code expected} (any level when null). */
    private static long awaitLevel(ConsumerTask<String, String> levels, Long expected) {
        long seen = levels.count();
        return await().atMost(Duration.ofSeconds(20)).until(() -> latestSocial(levels.getRecords(), seen),
                level -> level != null && (expected == null || level.equals(expected)));
    }

    private static Long latestSocial(List<ConsumerRecord<String, String>> records, long from) {
        Long latest = null;
        for (ConsumerRecord<String, String> record : records.subList((int) Math.min(from, records.size()), records.size())) {
            JsonNode metrics = read(record.value());
            if ("SOCIAL".equals(metrics.path("channel").asText()) && metrics.path("counters").has("agents.available")) {
                latest = metrics.path("counters").path("agents.available").asLong();
            }
        }
        return latest;
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
