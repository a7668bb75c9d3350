package io.switchboard.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds routed contacts the way the routing engine publishes them, and puts them on {@code contacts.routed}. */
final class RoutedContacts {

    private final KafkaCompanion kafka;

    RoutedContacts(KafkaCompanion kafka) {
        this.kafka = kafka;
    }

    static Builder contact(Channel channel, Office office) {
        return new Builder(channel, office);
    }

    void publish(ContactRouted... contacts) {
        publish(List.of(contacts));
    }

    void publish(List<ContactRouted> contacts) {
        kafka.produceStrings().fromRecords(contacts.stream()
                        .map(routed -> new ProducerRecord<>(Topics.CONTACTS_ROUTED, routed.contact().customer().key(),
                                json(routed)))
                        .toList())
                .awaitCompletion(Duration.ofSeconds(60));
    }

    void publishRaw(String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_ROUTED, key, value))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Builder {
        private final Channel channel;
        private final Office office;
        private String providerMessageId = UUID.randomUUID().toString();
        private String customerKey = "phone:+316" + (10_000_000 + (int) (Math.random() * 89_999_999));
        private String text = "Hoe laat zijn jullie morgen open?";
        private String language = "nl";
        private int priority = 50;
        private List<String> skills = List.of();
        private Map<String, String> metadata = Map.of();
        private int slaSeconds = 300;
        private TargetingStep[] targeting = {};
        private String provider = "test-provider";
        private Instant receivedAt = Instant.now();
        private boolean publicPost;
        private String modelVersion;

        private Builder(Channel channel, Office office) {
            this.channel = channel;
            this.office = office;
        }

        Builder providerMessageId(String id) {
            this.providerMessageId = id;
            return this;
        }

        Builder customer(String key) {
            this.customerKey = key;
            return this;
        }

        Builder text(String text) {
            this.text = text;
            return this;
        }

        Builder language(String language) {
            this.language = language;
            return this;
        }

        Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        Builder skills(String... skills) {
            this.skills = List.of(skills);
            return this;
        }

        Builder sla(int seconds) {
            this.slaSeconds = seconds;
            return this;
        }

        /** The targeting's first step is the contact's office and skills; these are the later ones. */
        Builder widening(TargetingStep... later) {
            this.targeting = later;
            return this;
        }

        /** The provider as the channel's adapter names it, e.g. {@code whatsapp-cloud-api}, {@code twilio}. */
        Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        Builder publicPost() {
            this.publicPost = true;
            return this;
        }

        Builder modelVersion(String modelVersion) {
            this.modelVersion = modelVersion;
            return this;
        }

        Builder metadata(Map<String, String> metadata) {
            this.metadata = metadata;
            return this;
        }

        ContactRouted build() {
            ContactReceived contact = ContactReceived.of(channel, provider, providerMessageId, receivedAt,
                    new Customer(customerKey, customerKey.startsWith("phone:") ? customerKey.substring(6) : null,
                            null, null, "Jan Jansen"),
                    text, language, publicPost, List.of(), metadata);
            Rst rst = switch (office) {
                case FRONT_OFFICE -> Rst.ROUTINE;
                case BACK_OFFICE -> Rst.SPECIALIST;
                case TECHNICIANS -> Rst.TECHNICAL;
            };
            List<TargetingStep> ladder = new ArrayList<>();
            if (targeting.length > 0) {
                ladder.add(new TargetingStep(0, skills, office));
                ladder.addAll(List.of(targeting));
            }
            return new ContactRouted(ContactRouted.SCHEMA_VERSION, contact, rst, Intent.INFORMATION, office, priority,
                    skills, slaSeconds, 0.9, List.of("test"), Instant.now(), ladder, modelVersion);
        }
    }
}
