package io.switchboard.routing.classification;

import io.switchboard.routing.policy.RuleSet;

import java.util.List;

/** The classifier's answer next to the labelled one, for one contact. */
public record Outcome(LabelledContact contact, Classification classification) {

    /** Each contact classified as the engine would, by {@code model} under {@code rules}. */
    public static List<Outcome> of(ContactModel model, List<LabelledContact> contacts, RuleSet rules) {
        ContactClassifier classifier = new ContactClassifier(model);
        return contacts.stream().map(contact -> new Outcome(contact, classifier.classify(contact.received(), rules)))
                .toList();
    }

    public boolean rstRight() {
        return contact.rst() == classification.rst();
    }

    public boolean intentRight() {
        return contact.intent() == classification.intent();
    }
}
