package io.switchboard.routing.classification;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's answer to a routing decision: the contact as it arrived with the RST class and intent it should have
 * had. Agents correct the classification of an item they hold, and an escalation records the class the contact
 * turned out to need; both are labelled examples the next retrain learns from.
 *
 * @param reason why the agent corrected it, in their words (kept for review, not learnt from)
 */
public record Correction(String contactId, String text, Channel channel, String language,
        @JsonProperty("public") boolean publicPost, Rst rst, Intent intent, String reason, Source source,
        Instant correctedAt) {

    /** Where a correction comes from. */
    public enum Source {
        AGENT_CORRECTION,
        ESCALATION
    }

    public Correction {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(rst, "rst");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(correctedAt, "correctedAt");
    }

    public LabelledContact example() {
        return new LabelledContact("correction:" + contactId, channel, language, publicPost, text, rst, intent);
    }
}
