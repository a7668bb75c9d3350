package io.switchboard.routing.classification;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One labelled contact: the text as it arrived and the answer a senior agent gave it. */
public record LabelledContact(String id, Channel channel, String language, boolean publicPost, String text, Rst rst,
        Intent intent) {

    /** The contact as an adapter would send it, without a language hint as most channels do. */
    public ContactReceived received() {
        return new ContactReceived(ContactReceived.SCHEMA_VERSION, id, channel, "evaluation", id, Instant.now(),
                new Customer("evaluation:" + id, null, null, null, null), text, null, publicPost, List.of(), Map.of());
    }
}
