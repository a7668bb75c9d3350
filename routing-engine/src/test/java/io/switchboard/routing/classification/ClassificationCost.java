package io.switchboard.routing.classification;

import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import io.switchboard.routing.policy.RuleSet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time the engine's classifier (bundled model and rule set) spends per contact, on every contact of the
 * labelled data set, after a warm-up that lets the JIT compile it as it would be in a running engine. Run it with
 * {@code ./mvnw -o -q -pl routing-engine test-compile exec:java@classification-cost}.
 */
public final class ClassificationCost {

    private static final int WARM_UP_ROUNDS = 30;
    private static final int MEASURED_ROUNDS = 30;

    private ClassificationCost() {
    }

    public static void main(String[] args) {
        ContactClassifier classifier = new ContactClassifier(ContactModel.bundled());
        RuleSet rules = ClassificationEvaluation.bundledRules();
        List<ContactReceived> contacts = LabelledContacts.bundled().stream()
                .map(contact -> new ContactReceived(ContactReceived.SCHEMA_VERSION, contact.id(), contact.channel(),
                        "cost", contact.id(), Instant.now(), new Customer("cost:" + contact.id(), null, null, null, null),
                        contact.text(), null, contact.publicPost(), List.of(), Map.of()))
                .toList();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        classifyAll(classifier, rules, contacts, WARM_UP_ROUNDS);
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        classifyAll(classifier, rules, contacts, MEASURED_ROUNDS);
        long classified = (long) contacts.size() * MEASURED_ROUNDS;
        System.out.printf(Locale.ROOT, "classification: %.1f µs CPU (%.1f µs wall) per contact, mean of %d%n",
                (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / classified,
                (System.nanoTime() - wall) / 1000.0 / classified, classified);
    }

    private static void classifyAll(ContactClassifier classifier, RuleSet rules, List<ContactReceived> contacts,
            int rounds) {
        for (int round = 0; round < rounds; round++) {
            contacts.forEach(contact -> classifier.classify(contact, rules));
        }
    }
}
