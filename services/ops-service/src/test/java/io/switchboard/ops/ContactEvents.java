package io.switchboard.ops;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ChannelMetrics;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.LifecycleEvent;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Produces real contact events on the real broker, as the adapters, routing engine and work-service would: JSON
 * of the contract records, keyed as docs/architecture.md §3 says.
 */
public final class ContactEvents {

    private final KafkaCompanion kafka;

    public ContactEvents(KafkaCompanion kafka) {
        this.kafka = kafka;
    }

    /** A contact on a channel with its routing decision, received and routed at {@code at}. */
    public static ContactRouted routed(Channel channel, String customer, Intent intent, String text, Instant at) {
        ContactReceived contact = ContactReceived.of(channel, "test", UUID.randomUUID().toString(), at,
                new Customer(customer, null, null, null, null), text, "en", false, List.of(), Map.of());
        return new ContactRouted(ContactRouted.SCHEMA_VERSION, contact, Rst.ROUTINE, intent, Office.FRONT_OFFICE, 50,
                List.of(), 300, 0.9, List.of("test"), at);
    }

    public static ContactRouted routed(Channel channel, Instant at) {
        return routed(channel, "phone:+316" + Math.abs(UUID.randomUUID().hashCode()), Intent.INFORMATION,
                "Wat zijn de openingstijden?", at);
    }

    public static LifecycleEvent step(ContactRouted routed, LifecycleEventType type, Instant queuedAt, Instant at,
            String agentId, Map<String, String> details) {
        return new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), type,
                routed.contactId(), routed.channel(), routed.office(), routed.intent(), agentId, queuedAt, at, details);
    }

    public static LifecycleEvent step(ContactRouted routed, LifecycleEventType type, Instant queuedAt, Instant at) {
        return step(routed, type, queuedAt, at, type == LifecycleEventType.QUEUED ? null : "agent-1", Map.of());
    }

    public void send(ContactRouted... routed) {
        for (ContactRouted contact : routed) {
            produce(Topics.CONTACTS_ROUTED, contact.contact().customer().key(), contact);
        }
    }

    public void send(LifecycleEvent... events) {
        for (LifecycleEvent event : events) {
            produce(Topics.CONTACTS_LIFECYCLE, event.contactId(), event);
        }
    }

    public void send(ContactReceived contact) {
        produce(Topics.CONTACTS_INBOUND, contact.customer().key(), contact);
    }

    public void send(ClassificationCorrection... corrections) {
        for (ClassificationCorrection correction : corrections) {
            produce(Topics.CONTACTS_CORRECTIONS, correction.contactId(), correction);
        }
    }

    /** An agent's correction of a contact's routing, as the work-service publishes it. */
    public static ClassificationCorrection correction(String contactId, Rst routedRst, Intent routedIntent, Rst rst,
            Intent intent, ClassificationCorrection.Source source, Instant at) {
        return new ClassificationCorrection(ClassificationCorrection.SCHEMA_VERSION, contactId, Channel.WHATSAPP, "nl",
                false, "Mijn internet doet het niet", routedRst, routedIntent, rst, intent, source, "test", "agent-1",
                null, at);
    }

    public void send(ChannelMetrics metrics) {
        produce(Topics.CHANNEL_METRICS, metrics.channel().name(), metrics);
    }

    /**
     * One contact through its whole life: queued {@code wait} before {@code answeredAt}, accepted then, completed
     * {@code handling} later. Returns the routed contact.
     */
    public ContactRouted handled(Channel channel, Instant answeredAt, Duration wait, Duration handling) {
        Instant queuedAt = answeredAt.minus(wait);
        ContactRouted contact = routed(channel, queuedAt);
        send(contact);
        send(step(contact, LifecycleEventType.QUEUED, queuedAt, queuedAt),
                step(contact, LifecycleEventType.ACCEPTED, queuedAt, answeredAt),
                step(contact, LifecycleEventType.COMPLETED, queuedAt, answeredAt.plus(handling), "agent-1",
                        Map.of("firstContactResolution", "true")));
        return contact;
    }

    private void produce(String topic, String key, Object value) {
        try {
            String json = Json.mapper().writeValueAsString(value);
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, json)).awaitCompletion();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
