package io.switchboard.contracts;

/** What an {@link OutboundMessage} asks the channel's adapter to do. */
public enum OutboundKind {
    /** Send the agent's text (or an approved template) to the customer through the provider's API. */
    REPLY,
    /**
     * Bring the waiting customer to the agent who accepted the item: the phone adapter redirects the queued call
     * to the agent's address, the store adapter calls the visitor's ticket to the agent's desk.
     */
    CONNECT,
    /**
     * Ask the customer how likely they are to recommend the organisation, 0–10 ({@link SurveyQuestion}), after a
     * completed contact: as a message with quick replies on social direct messages, a text on WhatsApp (its lists
     * hold 10 rows, the scale has 11), an e-mail with a signed link for the webshop and the store. The phone asks
     * after the call instead, when a {@code CONNECT} carries a {@link SurveyQuestion}.
     */
    SURVEY
}
