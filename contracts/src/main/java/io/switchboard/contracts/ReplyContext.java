package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;

/**
 * The customer's latest inbound message on the item, as its adapter published it: what the adapter needs to
 * address the answer (the business number or page that was written to, the comment or tweet to reply under, the
 * call to redirect, the ticket to call).
 *
 * @param provider          the provider of that message, e.g. {@code whatsapp}, {@code messenger}, {@code x}
 * @param providerMessageId the provider's id of that message (comment id, tweet id, CallSid, ticket id …)
 * @param publicPost        whether it was a public post or comment
 * @param receivedAt        when it arrived: the start of the provider's customer-service window
 * @param metadata          the adapter's own metadata of that contact ({@link ContactReceived#metadata()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplyContext(
        String provider,
        String providerMessageId,
        @JsonProperty("public") boolean publicPost,
        Instant receivedAt,
        Map<String, String> metadata) {

    public ReplyContext {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
