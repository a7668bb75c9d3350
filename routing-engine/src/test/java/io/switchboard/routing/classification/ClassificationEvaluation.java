package io.switchboard.routing.classification;

import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;
import io.switchboard.routing.classification.LabelledContact.Split;
import io.switchboard.routing.policy.RoutingRulesStore;
import io.switchboard.routing.policy.RuleSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Measures the classifier as the engine runs it (model trained on the training part, bundled rule set) on the
 * evaluation part of the labelled data set, which the model never saw. Run it with
 * {@code ./mvnw -o -q -pl routing-engine test-compile exec:java@evaluate}.
 */
public final class ClassificationEvaluation {

    /** Predictions next to the answers for one contact. */
    record Outcome(LabelledContact contact, Classification classification) {
    }

    /** Confusion matrix and the measures derived from it, for one label type. */
    record Scores<L extends Enum<L>>(L[] labels, int[][] confusion) {

        static <L extends Enum<L>> Scores<L> of(Class<L> type, List<Outcome> outcomes, Function<Outcome, L> truth,
                Function<Outcome, L> predicted) {
            L[] labels = type.getEnumConstants();
            int[][] confusion = new int[labels.length][labels.length];
            outcomes.forEach(outcome -> confusion[truth.apply(outcome).ordinal()][predicted.apply(outcome).ordinal()]++);
            return new Scores<>(labels, confusion);
        }

        double accuracy() {
            int correct = 0;
            int total = 0;
            for (int i = 0; i < labels.length; i++) {
                for (int j = 0; j < labels.length; j++) {
                    total += confusion[i][j];
                    correct += i == j ? confusion[i][j] : 0;
                }
            }
            return total == 0 ? 0 : (double) correct / total;
        }

        double recall(L label) {
            int i = label.ordinal();
            int actual = 0;
            for (int j = 0; j < labels.length; j++) {
                actual += confusion[i][j];
            }
            return actual == 0 ? Double.NaN : (double) confusion[i][i] / actual;
        }

        double precision(L label) {
            int j = label.ordinal();
            int predicted = 0;
            for (int i = 0; i < labels.length; i++) {
                predicted += confusion[i][j];
            }
            return predicted == 0 ? Double.NaN : (double) confusion[j][j] / predicted;
        }

        String report(String title) {
            StringBuilder out = new StringBuilder(title).append(String.format(Locale.ROOT, ": accuracy %.3f%n", accuracy()));
            out.append(String.format(Locale.ROOT, "  %-26s %9s %9s %8s%n", "class", "precision", "recall", "support"));
            for (L label : labels) {
                int support = 0;
                for (int j = 0; j < labels.length; j++) {
                    support += confusion[label.ordinal()][j];
                }
                out.append(String.format(Locale.ROOT, "  %-26s %9.3f %9.3f %8d%n", label, precision(label),
                        recall(label), support));
            }
            out.append("  confusion (rows = true class, columns = predicted, in the order above)\n");
            for (L label : labels) {
                out.append(String.format(Locale.ROOT, "  %-26s", label));
                for (int count : confusion[label.ordinal()]) {
                    out.append(String.format(Locale.ROOT, "%5d", count));
                }
                out.append('\n');
            }
            return out.toString();
        }
    }

    private final List<Outcome> outcomes;

    private ClassificationEvaluation(List<Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    /** The engine's classifier measured on the evaluation part. */
    static ClassificationEvaluation run() {
        LabelledContacts data = LabelledContacts.bundled();
        return of(data.part(Split.TRAIN), data.part(Split.EVAL), SoftmaxModel.Training.DEFAULT, bundledRules());
    }

    static RuleSet bundledRules() {
        return new RoutingRulesStore(Optional.empty(), Duration.ofSeconds(2)).current();
    }

    static ClassificationEvaluation of(List<LabelledContact> training, List<LabelledContact> testing,
            SoftmaxModel.Training parameters, RuleSet rules) {
        ContactClassifier classifier = new ContactClassifier(ContactModel.trainedOn(training, parameters));
        List<Outcome> outcomes = new ArrayList<>();
        for (LabelledContact contact : testing) {
            // No language hint: the classifier must recognise it, as for most channels.
            ContactReceived received = new ContactReceived(ContactReceived.SCHEMA_VERSION, contact.id(),
                    contact.channel(), "evaluation", contact.id(), Instant.now(),
                    new Customer("evaluation:" + contact.id(), null, null, null, null), contact.text(), null,
                    contact.publicPost(), List.of(), Map.of());
            outcomes.add(new Outcome(contact, classifier.classify(received, rules)));
        }
        return new ClassificationEvaluation(outcomes);
    }

    Scores<Rst> rst() {
        return Scores.of(Rst.class, outcomes, outcome -> outcome.contact().rst(), outcome -> outcome.classification().rst());
    }

    Scores<Intent> intent() {
        return Scores.of(Intent.class, outcomes, outcome -> outcome.contact().intent(),
                outcome -> outcome.classification().intent());
    }

    double languageAccuracy() {
        return outcomes.stream().filter(outcome -> outcome.contact().language().equals(outcome.classification().language()))
                .count() / (double) outcomes.size();
    }

    String report() {
        StringBuilder out = new StringBuilder();
        LabelledContacts data = LabelledContacts.bundled();
        out.append(String.format(Locale.ROOT, "Labelled contacts: %d (training %d, evaluation %d)%n%n", data.all().size(),
                data.part(Split.TRAIN).size(), outcomes.size()));
        out.append(rst().report("RST")).append('\n');
        out.append(intent().report("Intent")).append('\n');
        out.append(String.format(Locale.ROOT, "Language: accuracy %.3f%n%n", languageAccuracy()));
        out.append("Misclassified RST:\n");
        outcomes.stream().filter(outcome -> outcome.contact().rst() != outcome.classification().rst())
                .forEach(outcome -> out.append(String.format(Locale.ROOT, "  %s %s -> %s (%.2f): %s%n",
                        outcome.contact().id(), outcome.contact().rst(), outcome.classification().rst(),
                        outcome.classification().rstConfidence(), outcome.contact().text())));
        return out.toString();
    }

    public static void main(String[] args) {
        System.out.print(run().report());
    }
}
