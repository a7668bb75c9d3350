package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Media that came with a contact; the provider's media id is kept so an agent's tool can fetch it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(String type, String providerMediaId, String mimeType, String url, String caption) {
}
