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
        Instant routedAt) {

    public static final int SCHEMA_VERSION = 1;

    public ContactRouted {
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("priority must be 0..100, was " + priority);
        }
    }

    public String contactId() {
        return contact.contactId();
    }

    public Channel channel() {
        return contact.channel();
    }
}
