package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One customer reaching out on one channel, normalised from the gateway's native webhook. Published by the
 * adapters on {@link Topics#CONTACTS_INBOUND}, keyed by the customer key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactReceived(
        int schemaVersion,
        String contactId,
        Channel channel,
        String provider,
        String providerMessageId,
        Instant receivedAt,
        Customer customer,
        String text,
        String language,
        @JsonProperty("public") boolean publicPost,
        List<Attachment> attachments,
        Map<String, String> metadata) {

    public static final int SCHEMA_VERSION = 1;

    public ContactReceived {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A new contact with the id derived from channel and provider message id. */
    public static ContactReceived of(Channel channel, String provider, String providerMessageId, Instant receivedAt,
            Customer customer, String text, String language, boolean publicPost, List<Attachment> attachments,
            Map<String, String> metadata) {
        return new ContactReceived(SCHEMA_VERSION, ContactIds.of(channel, providerMessageId), channel, provider,
                providerMessageId, receivedAt, customer, text, language, publicPost, attachments, metadata);
    }
}
