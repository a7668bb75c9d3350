package io.switchboard.contracts;

/** The steps of a work item's life (docs/architecture.md §3, {@link Topics#CONTACTS_LIFECYCLE}). */
public enum LifecycleEventType {
    QUEUED, ASSIGNED, ACCEPTED, COMPLETED, ESCALATED, RELEASED, REQUEUED, ABANDONED, MESSAGE_JOINED,
    /** An agent's reply was stored and handed to the channel's adapter (details: {@code replyId}, {@code kind}). */
    REPLY_REQUESTED,
    /** Delivery states of a reply ({@link DeliveryState}); details: {@code replyId}, {@code providerMessageId}, {@code error}. */
    REPLY_SENT, REPLY_DELIVERED, REPLY_READ, REPLY_FAILED, REPLY_UNCONFIRMED
}
