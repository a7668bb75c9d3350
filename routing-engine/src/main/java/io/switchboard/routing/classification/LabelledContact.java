package io.switchboard.routing.classification;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;

/** One contact of the project's labelled data set, with the answer a senior agent gave it. */
public record LabelledContact(String id, Split split, Channel channel, String language, boolean publicPost,
        String text, Rst rst, Intent intent) {

    /** Training contacts teach the model; evaluation contacts are only ever used to measure it. */
    public enum Split { TRAIN, EVAL }
}
