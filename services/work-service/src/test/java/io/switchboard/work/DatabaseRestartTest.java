package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.switchboard.work.AgentApi.accept;
import static io.switchboard.work.AgentApi.availableAgent;
import static io.switchboard.work.AgentApi.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL restarts while routed contacts stream in: every contact becomes exactly one work item, pulled once,
 * and its QUEUED event is published (once per event id).
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class DatabaseRestartTest {

    private static final int CONTACTS = 300;
    private static final int AGENTS = 4;

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void databaseRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        String skill = "skill-" + UUID.randomUUID();
        List<String> agents = IntStream.range(0, AGENTS).mapToObj(i -> "agent-" + UUID.randomUUID()).toList();
        agents.forEach(agentId -> availableAgent(agentId, Office.FRONT_OFFICE, List.of(skill), Map.of("WHATSAPP", 1)));
        List<ContactRouted> contacts = IntStream.range(0, CONTACTS)
                .mapToObj(i -> RoutedContacts.contact(Channel.WHATSAPP, Office.FRONT_OFFICE).skills(skill).build())
                .toList();

        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers())) {
            RoutedContacts routed = new RoutedContacts(kafka);
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < CONTACTS; i += 10) {
                    routed.publish(contacts.subList(i, i + 10));
                    pause(50);
                }
            });
            pause(400);
            infrastructure.stopDatabase();
            pause(3_000);
            infrastructure.startDatabase();
            stream.get();

            List<String> pulled = Collections.synchronizedList(new ArrayList<>());
            // A few agents with one slot each work 300 items at once: generous for a loaded machine.
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            ExecutorService workers = Executors.newFixedThreadPool(AGENTS);
            try {
                CompletableFuture.allOf(agents.stream().map(agentId -> CompletableFuture.runAsync(() -> {
                    while (pulled.size() < CONTACTS && System.nanoTime() < deadline) {
                        Response response = next(agentId, 2);
                        if (response.statusCode() == 200) {
                            pulled.add(response.jsonPath().getString("contactId"));
                            String id = response.jsonPath().getString("id");
                            accept(agentId, id).then().statusCode(200);
                            AgentApi.complete(agentId, id).then().statusCode(200);
                        } else if (response.statusCode() == 409) {
                            // The agent may have been declared silent while the database was away.
                            AgentApi.status(agentId, "AVAILABLE");
                        }
                    }
                }, workers)).toArray(CompletableFuture[]::new)).get();
            } finally {
                workers.shutdownNow();
            }
            assertThat(pulled).as("every contact pulled before the deadline").hasSize(CONTACTS);
            assertThat(next(agents.get(0), 2).statusCode()).as("no second item for any contact").isEqualTo(204);
            assertThat(pulled).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(contacts.stream().map(ContactRouted::contactId).toList());

            Set<String> contactIds = new HashSet<>(pulled);
            try (ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> queuedEvents(events, contactIds).size() == CONTACTS);
                Map<String, Set<String>> queued = queuedEvents(events, contactIds);
                assertThat(queued.values()).allSatisfy(eventIds -> assertThat(eventIds).hasSize(1));
            }
        }
    }

    /** Contact id to the distinct event ids of its QUEUED events. */
    private static Map<String, Set<String>> queuedEvents(ConsumerTask<String, String> events, Set<String> contactIds) {
        return events.getRecords().stream().filter(record -> contactIds.contains(record.key()))
                .map(WorkFlowTest::event).filter(event -> event.type() == LifecycleEventType.QUEUED)
                .collect(Collectors.groupingBy(LifecycleEvent::contactId,
                        Collectors.mapping(LifecycleEvent::eventId, Collectors.toSet())));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
