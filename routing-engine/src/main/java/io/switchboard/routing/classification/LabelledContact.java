package io.switchboard.routing.classification;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;

/** One labelled contact: the text as it arrived and the answer a senior agent gave it. */
public record LabelledContact(String id, Channel channel, String language, boolean publicPost, String text, Rst rst,
        Intent intent) {
}
