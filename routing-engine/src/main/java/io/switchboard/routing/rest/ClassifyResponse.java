package io.switchboard.routing.rest;

import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;

import java.util.List;

/** The decision the engine would take for a contact, with its reasons. Nothing was published. */
public record ClassifyResponse(Rst rst, Intent intent, Office office, int priority, List<String> requiredSkills,
        int slaSeconds, double confidence, String language, List<String> explanation) {

    static ClassifyResponse of(ContactRouted routed) {
        return new ClassifyResponse(routed.rst(), routed.intent(), routed.office(), routed.priority(),
                routed.requiredSkills(), routed.slaSeconds(), routed.confidence(), routed.contact().language(),
                routed.explanation());
    }
}
