package io.switchboard.work.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "switchboard.work")
public interface WorkSettings {

    /** How long a reserved item waits for the agent's accept before it returns to its queue. */
    @WithDefault("60s")
    Duration reservationTimeout();

    /** How long an agent may make no call before it counts as offline and its items return to the queue. */
    @WithDefault("120s")
    Duration presenceTimeout();

    /** The longest long poll a client may ask for. */
    @WithDefault("60s")
    Duration maxWait();

    /** How far back completions count for the handling rate behind expected waits. */
    @WithDefault("30m")
    Duration rateWindow();

    /** The handling time assumed for expected waits while no completions are recent. */
    @WithDefault("5m")
    Duration nominalHandlingTime();

    /**
     * For a contact routed with required skills but without targeting steps: how long the skills are required before
     * any agent of the office may take it (0 s: for good).
     */
    @WithDefault("60s")
    Duration relaxSkillsAfter();

    /**
     * How long an item an agent released or let time out is not offered to that agent again, unless no other
     * eligible agent is available.
     */
    @WithDefault("60s")
    Duration reofferExclusion();

    /** How often an item is offered again after agents declined it, before it is flagged for supervisors. */
    @WithDefault("3")
    int maxReoffers();

    /** How often waiting items move into their targeting step ({@link TargetingSteps}). */
    @WithDefault("1s")
    Duration targetingInterval();

    /** How often stranded work is counted ({@link StrandedWork}). */
    @WithDefault("5s")
    Duration strandedInterval();

    /**
     * How many items of each office's queue, in pull order, are checked for an eligible agent on duty when stranded
     * work is counted (every {@code stranded-interval}, 5 s by default).
     */
    @WithDefault("200")
    int strandedScan();

    /**
     * How long an agent stays in WRAP_UP (offered no work) after completing an item, unless the agent's profile
     * says otherwise or the agent sets AVAILABLE sooner; 0 s: no wrap-up.
     */
    @WithDefault("0s")
    Duration wrapUp();

    /** How often the available agents per channel are reported on {@code channel.metrics}. */
    @WithDefault("10s")
    Duration availabilityInterval();

    /**
     * WhatsApp's customer-service window: after this long since the customer's last message only an approved
     * template may be sent.
     */
    @WithDefault("24h")
    Duration whatsappWindow();

    /**
     * Messenger and Instagram direct messages: how long after the customer's last message an agent may still answer
     * (Meta's HUMAN_AGENT tag allows 7 days).
     */
    @WithDefault("7d")
    Duration metaDirectWindow();

    /**
     * How long a provider's status for a message no reply has yet is kept for the SENT it overtook; after that it is
     * taken to be of a message this service never sent, and forgotten.
     */
    @WithDefault("1d")
    Duration earlyStatusRetention();

    /** How often provider statuses older than {@code early-status-retention} are forgotten. */
    @WithDefault("1h")
    Duration earlyStatusSweepInterval();

    /**
     * Canned responses the agents' tools offer in the reply box, per office ({@code FRONT_OFFICE}) and per office
     * and intent ({@code "FRONT_OFFICE.INFORMATION"}), as indexed entries ({@code canned."FRONT_OFFICE.INFORMATION"[0]})
     * so that a text may hold commas.
     */
    Map<String, List<String>> canned();

    /**
     * The automatic answer to a message that arrives while its channel is closed, per language ({@code nl},
     * {@code en}; others get {@code en}); {@code {opens}} is replaced by the next opening in the calendar's zone.
     */
    Map<String, String> closedReply();
}
