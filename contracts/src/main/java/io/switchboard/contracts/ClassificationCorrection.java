package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * An agent's answer to a routing decision: the contact as it arrived, the RST class and intent the routing engine
 * gave it and the ones it should have had. Published by the work-service on {@link Topics#CONTACTS_CORRECTIONS}
 * (compacted, keyed by contact id, so the topic keeps each contact's latest correction) when an agent corrects the
 * item they hold, and when an escalation shows the class the contact needed. The routing engine's retrain learns
 * from them; the ops-service counts them per class.
 *
 * @param source       {@code AGENT} for an explicit correction, {@code ESCALATION} for one an escalation implies
 * @param reason       why, in the agent's words (kept for review, not learnt from)
 * @param modelVersion the model version that made the corrected decision, when the item knows it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassificationCorrection(
        int schemaVersion,
        String contactId,
        Channel channel,
        String language,
        @JsonProperty("public") boolean publicPost,
        String text,
        Rst routedRst,
        Intent routedIntent,
        Rst rst,
        Intent intent,
        Source source,
        String reason,
        String agentId,
        String modelVersion,
        Instant correctedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** Where a correction comes from. */
    public enum Source {
        AGENT,
        ESCALATION
    }
}
