package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * What became of an {@link OutboundMessage}, published by the adapters on {@link Topics#CONTACTS_DELIVERY}: when
 * they sent it, and later from the provider's status webhooks. Keyed by {@code providerMessageId} where there is
 * one (so a send and the provider's later statuses stay in order), else by {@code replyId}. The work-service
 * attaches it to the reply and publishes it as a {@code REPLY_*} lifecycle event.
 *
 * @param eventId           unique per status, so redeliveries are recognisable
 * @param replyId           the reply; null in a status from a provider's webhook, which only knows
 *                          {@code providerMessageId}
 * @param providerMessageId the provider's id of the sent message (wamid, Messenger mid, tweet id, Message-ID,
 *                          CallSid …); null when the provider never accepted it
 * @param error             the provider's error code and text for {@code FAILED} and {@code UNCONFIRMED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplyStatus(
        int schemaVersion,
        String eventId,
        String replyId,
        Channel channel,
        String provider,
        String providerMessageId,
        DeliveryState state,
        String error,
        Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * How a {@code FAILED} {@code CONNECT} begins when the agent did not take the bridged call (no answer, busy):
     * only then does the work-service return the item to its queue. Any other failure (the caller already gone, the
     * provider not configured or refusing) leaves the item with the agent, who calls back.
     */
    public static final String AGENT_DID_NOT_ANSWER = "agent did not answer";

    /** The Kafka key: the provider's message id where there is one, else the reply id. */
    public String key() {
        return providerMessageId != null ? providerMessageId : replyId;
    }
}
