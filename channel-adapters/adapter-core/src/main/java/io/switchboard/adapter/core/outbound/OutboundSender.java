package io.switchboard.adapter.core.outbound;

import io.switchboard.contracts.OutboundMessage;

/**
 * One provider's way of delivering an {@link OutboundMessage}: each adapter has a bean per provider it answers
 * through (WhatsApp Cloud API, the Messenger Send API, X, SMTP, Twilio, the store's queue system). The adapter's
 * outbound consumer picks the sender whose {@link #delivers} accepts the message, retries transient failures with
 * back-off and publishes the outcome as a {@code ReplyStatus} (docs/channels.md, "How replies go out").
 *
 * <p>{@link #send} is called on a worker thread and may block on the provider's HTTP API.
 */
public interface OutboundSender {

    /** Whether this sender delivers the message (by its channel, kind and {@code replyTo.provider}). */
    boolean delivers(OutboundMessage message);

    /**
     * Delivers the message through the provider's API.
     *
     * @return the provider's id of what it accepted (wamid, Messenger message id, tweet id, Message-ID, CallSid …)
     * @throws ProviderException when the provider refused it or could not be reached; any other exception means
     *                           the outcome is not known (e.g. no answer after the request was sent) and the reply
     *                           is reported {@code UNCONFIRMED}, never retried
     */
    String send(OutboundMessage message);

    /**
     * The provider named in the message's {@code ReplyStatus}es, as its status webhooks name it; by default the
     * provider of the customer's message being answered.
     */
    default String provider(OutboundMessage message) {
        return message.replyTo() == null ? null : message.replyTo().provider();
    }
}
