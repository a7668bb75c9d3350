package io.switchboard.contracts;

/** The steps of a work item's life (docs/architecture.md §3, {@link Topics#CONTACTS_LIFECYCLE}). */
public enum LifecycleEventType {
    QUEUED, ASSIGNED, ACCEPTED, COMPLETED, ESCALATED, RELEASED, REQUEUED, ABANDONED, MESSAGE_JOINED,
    /** An agent's reply was stored and handed to the channel's adapter (details: {@code replyId}, {@code kind}). */
    REPLY_REQUESTED,
    /** Delivery states of a reply ({@link DeliveryState}); details: {@code replyId}, {@code providerMessageId}, {@code error}. */
    REPLY_SENT, REPLY_DELIVERED, REPLY_READ, REPLY_FAILED, REPLY_UNCONFIRMED,
    /** A survey was put to the customer after the item was completed; details: {@code surveyId}. */
    SURVEY_SENT,
    /**
     * The customer answered the item's survey; details: {@code surveyId}, {@code score} (0–10, absent for a comment
     * only), {@code complaint} ({@code true} when a low score's comment opened a follow-up), {@code followUp} (its
     * contact id).
     */
    SURVEY_ANSWERED,
    /** The item's next-best offer was shown to its agent; details: {@code product}. */
    OFFER_SHOWN,
    /**
     * The customer took the offer: recorded by the agent, or a webshop order of the product within the window;
     * details: {@code product}, {@code value} (decimal), {@code currency}, {@code source} ({@code agent} or
     * {@code order}).
     */
    OFFER_ACCEPTED
}
