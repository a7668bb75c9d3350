package io.switchboard.contracts;

/** What became of an {@link OutboundMessage}; a later state never goes back to an earlier one. */
public enum DeliveryState {
    /** Waiting for its adapter (set by the work-service when the reply is stored). */
    PENDING,
    /** The provider accepted it (for {@code CONNECT}: the call was redirected, the ticket called). */
    SENT,
    /** The provider reports it reached the customer (for {@code CONNECT}: the agent answered). */
    DELIVERED,
    /** The customer read it. */
    READ,
    /** The provider refused it or reported it undeliverable; {@code error} says why. */
    FAILED,
    /**
     * The adapter stopped while sending it, so whether it left is not known; it is not sent again (a customer
     * must never get the same answer twice) and the agent decides whether to resend.
     */
    UNCONFIRMED
}
