package io.switchboard.work;

import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.switchboard.work.AgentApi.accept;
import static io.switchboard.work.AgentApi.as;
import static io.switchboard.work.AgentApi.next;
import static io.switchboard.work.AgentApi.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A day of contacts on {@link ReportClock}'s time, driven as in production: routed contacts on
 * {@code contacts.routed}, abandons on {@code contacts.abandoned}, agents over HTTP, and every step read back from
 * {@code contacts.lifecycle}. The agents speak a language of the day's own, so no other test's agent takes its
 * contacts and its agents take no one else's.
 */
final class ContactDay implements AutoCloseable {

    final String language = AgentApi.ownLanguage();
    private final ReportClock clock;
    private final KafkaCompanion kafka;
    private final RoutedContacts routed;
    private final ConsumerTask<String, String> lifecycle;
    private final ConsumerTask<String, String> corrections;

    ContactDay(ReportClock clock, TestInfrastructure infrastructure, Instant start) {
        this.clock = clock;
        this.kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        this.routed = new RoutedContacts(kafka);
        this.lifecycle = kafka.consumeStrings().fromTopics(Topics.CONTACTS_LIFECYCLE);
        this.corrections = kafka.consumeStrings().fromTopics(Topics.CONTACTS_CORRECTIONS);
        clock.set(start);
    }

    /**
     * An AVAILABLE agent of the day's language who takes one contact at a time on each of these channels; accepted
     * calls are connected to their Twilio Client identity.
     */
    String agent(Office office, Channel... channels) {
        String agentId = "agent-" + UUID.randomUUID();
        as(Tokens.supervisor("sup-1")).body(Map.of("name", "Agent " + agentId, "office", office.name(),
                        "languages", List.of(language), "phoneAddress", "client:" + agentId,
                        "capacity", Arrays.stream(channels).collect(Collectors.toMap(Channel::name, channel -> 1))))
                .put("/api/agents/" + agentId).then().statusCode(200);
        status(agentId, "AVAILABLE").then().statusCode(200);
        return agentId;
    }

    /** A contact of the day's language from {@code customer}, as the routing engine publishes it. */
    ContactRouted contact(Channel channel, Office office, Customer customer, Intent intent, String text) {
        ContactRouted built = RoutedContacts.contact(channel, office).language(language).priority(90).build();
        ContactReceived contact = ContactReceived.of(channel, "test-provider", UUID.randomUUID().toString(),
                clock.instant(), customer, text, language, false, List.of(), Map.of());
        return new ContactRouted(built.schemaVersion(), contact, built.rst(), intent, office, built.priority(),
                built.requiredSkills(), built.slaSeconds(), built.confidence(), built.explanation(),
                clock.instant(), built.targeting(), built.modelVersion());
    }

    static Customer customer(String name) {
        String phone = "+3162" + (1_000_000 + (int) (Math.random() * 8_999_999));
        return new Customer("whatsapp:" + phone.substring(1), phone, null, null, name);
    }

    /** The contact reaches its queue now. */
    void arrives(ContactRouted contact) {
        routed.publish(contact);
        step(contact, LifecycleEventType.QUEUED);
    }

    /** Waits {@code wait} in the queue, then the agent takes it; returns the item id. */
    String answered(ContactRouted contact, String agentId, Duration wait) {
        arrives(contact);
        return takenAfter(contact, agentId, wait);
    }

    String takenAfter(ContactRouted contact, String agentId, Duration wait) {
        clock.advance(wait);
        Response pulled = next(agentId, 10);
        pulled.then().statusCode(200).body("contactId", equalTo(contact.contactId()));
        String itemId = pulled.jsonPath().getString("id");
        accept(agentId, itemId).then().statusCode(200);
        return itemId;
    }

    void completed(String agentId, String itemId, Duration handling) {
        clock.advance(handling);
        AgentApi.complete(agentId, itemId).then().statusCode(200);
    }

    void escalated(String agentId, String itemId, Office to, Duration after) {
        clock.advance(after);
        as(Tokens.agent(agentId)).body(Map.of("toOffice", to.name(), "reason", "contract question"))
                .post("/api/work/" + itemId + "/escalate").then().statusCode(200);
    }

    /** The customer leaves after {@code wait}, as the phone and store adapters report it. */
    void abandoned(ContactRouted contact, Duration wait) {
        clock.advance(wait);
        LifecycleEvent abandon = new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                LifecycleEventType.ABANDONED, contact.contactId(), contact.channel(), null, null, null, null,
                clock.instant(), Map.of("reason", "customer left"));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_ABANDONED, contact.contactId(),
                RoutedContacts.json(abandon))).awaitCompletion(Duration.ofSeconds(30));
        step(contact, LifecycleEventType.ABANDONED);
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Waits for a step of the contact on contacts.lifecycle. */
    LifecycleEvent step(ContactRouted contact, LifecycleEventType type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events(List.of(contact)).stream()
                .anyMatch(event -> event.type() == type));
        return events(List.of(contact)).stream().filter(event -> event.type() == type).findFirst().orElseThrow();
    }

    /** Every step of these contacts read back so far, each once (the outbox may send one twice). */
    List<LifecycleEvent> events(List<ContactRouted> contacts) {
        List<String> ids = contacts.stream().map(ContactRouted::contactId).toList();
        return lifecycle.getRecords().stream().filter(record -> ids.contains(record.key()))
                .map(WorkFlowTest::event)
                .filter(distinctBy())
                .toList();
    }

    /** The contact's records on the compacted contacts.corrections, once {@code count} arrived (tombstones: null). */
    List<String> corrections(ContactRouted contact, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> correctionsOf(contact).size() >= count);
        return correctionsOf(contact);
    }

    private List<String> correctionsOf(ContactRouted contact) {
        return corrections.getRecords().stream().filter(record -> contact.contactId().equals(record.key()))
                .map(ConsumerRecord::value).toList();
    }

    private static Predicate<LifecycleEvent> distinctBy() {
        Set<String> seen = new HashSet<>();
        return event -> seen.add(event.eventId());
    }

    @Override
    public void close() {
        clock.release();
        lifecycle.close();
        corrections.close();
        kafka.close();
    }
}
