package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A contact with the routing decision. Published by the routing engine on {@link Topics#CONTACTS_ROUTED},
 * keyed by the customer key.
 *
 * @param confidence  how sure the classifier is of {@code rst} and {@code intent}, 0..1
 * @param explanation the rules and scores behind the decision, in words a supervisor understands
 * @param targeting   who may take the contact as it waits: the first step is {@code office} and
 *                    {@code requiredSkills} from the start, each later one widens the target after its
 *                    {@code afterSeconds} of waiting; empty when the targeting never widens
 * @param modelVersion the version of the classification model that decided {@code rst} and {@code intent}
 *                     ({@code m-<hex>}), so corrections can be counted per model; null in events of producers
 *                     from before the field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactRouted(
        int schemaVersion,
        ContactReceived contact,
        Rst rst,
        Intent intent,
        Office office,
        int priority,
        List<String> requiredSkills,
        int slaSeconds,
        double confidence,
        List<String> explanation,
        Instant routedAt,
        // Left out when empty, so a decision that never widens reads exactly as before the field existed.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TargetingStep> targeting,
        String modelVersion) {

    public static final int SCHEMA_VERSION = 1;

    public ContactRouted {
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
        targeting = targeting == null ? List.of() : List.copyOf(targeting);
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("priority must be 0..100, was " + priority);
        }
    }

    /** A decision whose targeting never widens (producers of the first version of this event). */
    public ContactRouted(int schemaVersion, ContactReceived contact, Rst rst, Intent intent, Office office,
            int priority, List<String> requiredSkills, int slaSeconds, double confidence, List<String> explanation,
            Instant routedAt) {
        this(schemaVersion, contact, rst, intent, office, priority, requiredSkills, slaSeconds, confidence,
                explanation, routedAt, List.of());
    }

    /** A decision without the model version (producers from before the field). */
    public ContactRouted(int schemaVersion, ContactReceived contact, Rst rst, Intent intent, Office office,
            int priority, List<String> requiredSkills, int slaSeconds, double confidence, List<String> explanation,
            Instant routedAt, List<TargetingStep> targeting) {
        this(schemaVersion, contact, rst, intent, office, priority, requiredSkills, slaSeconds, confidence,
                explanation, routedAt, targeting, null);
    }

    public String contactId() {
        return contact.contactId();
    }

    public Channel channel() {
        return contact.channel();
    }

    /**
     * From {@code afterSeconds} of waiting on, agents of {@code office} with {@code requiredSkills} may take the
     * contact (Genesys calls these rings, Amazon Connect routing steps).
     */
    public record TargetingStep(int afterSeconds, List<String> requiredSkills, Office office) {
        public TargetingStep {
            requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
            if (afterSeconds < 0) {
                throw new IllegalArgumentException("afterSeconds must not be negative, was " + afterSeconds);
            }
        }
    }
}
