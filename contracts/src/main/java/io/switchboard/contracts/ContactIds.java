package io.switchboard.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Contact ids are derived from what the provider sent, so a redelivered webhook maps to the same contact. */
public final class ContactIds {

    private ContactIds() {
    }

    public static String of(Channel channel, String providerMessageId) {
        if (providerMessageId == null || providerMessageId.isBlank()) {
            throw new IllegalArgumentException("provider message id is required");
        }
        String name = channel.name() + ":" + providerMessageId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
