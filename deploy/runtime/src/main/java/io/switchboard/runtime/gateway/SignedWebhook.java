package io.switchboard.runtime.gateway;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;

import java.util.Map;

/**
 * One webhook as a gateway would deliver it: the adapter service and path, headers (signature included), body,
 * and the provider message id the adapter derives the contact id from.
 */
public record SignedWebhook(Channel channel, String service, String path, Map<String, String> headers,
        String contentType, String body, String providerMessageId) {

    /** The contact id the adapter gives this webhook's contact. */
    public String contactId() {
        return ContactIds.of(channel, providerMessageId);
    }
}
