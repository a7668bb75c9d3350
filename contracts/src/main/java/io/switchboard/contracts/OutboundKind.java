package io.switchboard.contracts;

/** What an {@link OutboundMessage} asks the channel's adapter to do. */
public enum OutboundKind {
    /** Send the agent's text (or an approved template) to the customer through the provider's API. */
    REPLY,
    /**
     * Bring the waiting customer to the agent who accepted the item: the phone adapter redirects the queued call
     * to the agent's address, the store adapter calls the visitor's ticket to the agent's desk.
     */
    CONNECT
}
