package io.switchboard.routing.classification;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;
import io.switchboard.routing.policy.RoutingRulesStore;
import io.switchboard.routing.policy.RuleSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Measures the classifier as the engine runs it (the model trained on the bundled data set, the bundled rule set)
 * two ways: 5-fold cross-validation over the bundled data set, and the held-out set {@value #HELD_OUT}, written
 * apart from the training data in another style and never trained on. Run it with
 * {@code ./mvnw -o -q -pl routing-engine test-compile exec:java@evaluate}: it prints the report and the
 * misclassified contacts, and writes the report into docs/classification.md between its markers.
 */
public final class ClassificationEvaluation {

    /** Written apart from the training data and never trained on; a test resource, so not even in the jar. */
    static final String HELD_OUT = "classification/heldout.jsonl";
    static final int FOLDS = 5;

    private static final String BEGIN = "<!-- evaluation report: begin -->";
    private static final String END = "<!-- evaluation report: end -->";

    /** Predictions next to the answers for one contact. */
    record Outcome(LabelledContact contact, Classification classification) {

        boolean rstRight() {
            return contact.rst() == classification.rst();
        }

        boolean intentRight() {
            return contact.intent() == classification.intent();
        }
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

        int support(L label) {
            int actual = 0;
            for (int count : confusion[label.ordinal()]) {
                actual += count;
            }
            return actual;
        }

        double recall(L label) {
            int actual = support(label);
            return actual == 0 ? Double.NaN : (double) confusion[label.ordinal()][label.ordinal()] / actual;
        }

        double precision(L label) {
            int j = label.ordinal();
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[j];
            }
            return predicted == 0 ? Double.NaN : (double) confusion[j][j] / predicted;
        }

        /** The lowest recall of a class that occurs. */
        double minimumRecall() {
            double lowest = 1;
            for (L label : labels) {
                if (support(label) > 0) {
                    lowest = Math.min(lowest, recall(label));
                }
            }
            return lowest;
        }

        String report(String title) {
            StringBuilder out = new StringBuilder(title).append(String.format(Locale.ROOT, ": accuracy %.3f%n", accuracy()));
            out.append(String.format(Locale.ROOT, "  %-26s %9s %9s %8s%n", "class", "precision", "recall", "support"));
            for (L label : labels) {
                out.append(String.format(Locale.ROOT, "  %-26s %9.3f %9.3f %8d%n", label, precision(label),
                        recall(label), support(label)));
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

    private final String name;
    private final List<Outcome> outcomes;

    private ClassificationEvaluation(String name, List<Outcome> outcomes) {
        this.name = name;
        this.outcomes = List.copyOf(outcomes);
    }

    static RuleSet bundledRules() {
        return new RoutingRulesStore(Optional.empty(), Duration.ofSeconds(2)).current();
    }

    /** The engine's model (trained on all bundled contacts) on the held-out set. */
    static ClassificationEvaluation heldOut() {
        return of("Held-out set", LabelledContacts.bundled(), LabelledContacts.read(HELD_OUT),
                SoftmaxModel.Training.DEFAULT, bundledRules());
    }

    /** Cross-validation over the bundled contacts: every contact classified by a model that did not train on it. */
    static ClassificationEvaluation crossValidated(SoftmaxModel.Training parameters) {
        return crossValidated(LabelledContacts.bundled(), parameters, bundledRules());
    }

    /**
     * {@value #FOLDS}-fold cross-validation, stratified: within each (RST, intent) group the contacts are dealt to
     * the folds in file order, so every fold has its share of the rare combinations.
     */
    static ClassificationEvaluation crossValidated(List<LabelledContact> data, SoftmaxModel.Training parameters,
            RuleSet rules) {
        Map<String, Integer> dealt = new HashMap<>();
        int[] fold = data.stream().mapToInt(contact -> dealt.merge(contact.rst() + "/" + contact.intent(), 1,
                Integer::sum) % FOLDS).toArray();
        List<Outcome> outcomes = new ArrayList<>();
        for (int held = 0; held < FOLDS; held++) {
            List<LabelledContact> training = new ArrayList<>();
            List<LabelledContact> testing = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (fold[i] == held ? testing : training).add(data.get(i));
            }
            outcomes.addAll(of("", training, testing, parameters, rules).outcomes);
        }
        return new ClassificationEvaluation(FOLDS + "-fold cross-validation over the bundled data set", outcomes);
    }

    static ClassificationEvaluation of(String name, List<LabelledContact> training, List<LabelledContact> testing,
            SoftmaxModel.Training parameters, RuleSet rules) {
        ContactClassifier classifier = new ContactClassifier(ContactModel.trainedOn(training, parameters));
        return new ClassificationEvaluation(name, testing.stream()
                .map(contact -> new Outcome(contact, classifier.classify(received(contact), rules)))
                .toList());
    }

    /** A labelled contact as an adapter would send it, without a language hint as most channels do. */
    static ContactReceived received(LabelledContact contact) {
        return new ContactReceived(ContactReceived.SCHEMA_VERSION, contact.id(), contact.channel(), "evaluation",
                contact.id(), Instant.now(), new Customer("evaluation:" + contact.id(), null, null, null, null),
                contact.text(), null, contact.publicPost(), List.of(), Map.of());
    }

    ClassificationEvaluation where(String slice, Predicate<LabelledContact> filter) {
        return new ClassificationEvaluation(slice,
                outcomes.stream().filter(outcome -> filter.test(outcome.contact())).toList());
    }

    int size() {
        return outcomes.size();
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

    /** The figures, overall and per language and channel, as the text of a Markdown section. */
    String report() {
        List<ClassificationEvaluation> slices = new ArrayList<>();
        for (String language : List.of("nl", "en")) {
            slices.add(where("language " + language, contact -> contact.language().equals(language)));
        }
        for (Channel channel : Channel.values()) {
            slices.add(where("channel " + channel, contact -> contact.channel() == channel));
        }
        StringBuilder out = new StringBuilder("### ").append(name).append(" (").append(size()).append(" contacts)\n\n");
        out.append("| | contacts | RST accuracy | lowest RST recall | intent accuracy |\n|---|---|---|---|---|\n");
        out.append(row("all", this));
        slices.forEach(slice -> out.append(row(slice.name, slice)));
        out.append(String.format(Locale.ROOT, "%nLanguage recognised: %.3f.%n%n```%n", languageAccuracy()));
        out.append(rst().report("RST")).append('\n').append(intent().report("Intent")).append("```\n\n");
        out.append("<details><summary>Per language and channel</summary>\n\n```\n");
        slices.forEach(slice -> out.append("== ").append(slice.name).append(" (").append(slice.size())
                .append(" contacts)\n").append(slice.rst().report("RST")).append(slice.intent().report("Intent"))
                .append('\n'));
        return out.append("```\n</details>\n").toString();
    }

    private static String row(String slice, ClassificationEvaluation evaluation) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", slice, evaluation.size(),
                evaluation.rst().accuracy(), evaluation.rst().minimumRecall(), evaluation.intent().accuracy());
    }

    /** The contacts it got wrong, for whoever improves the data set (not written into the docs). */
    String mistakes() {
        StringBuilder out = new StringBuilder(name).append(": misclassified\n");
        outcomes.stream().filter(outcome -> !outcome.rstRight() || !outcome.intentRight())
                .forEach(outcome -> out.append(String.format(Locale.ROOT, "  %s %s/%s -> %s/%s (%.2f): %s%n",
                        outcome.contact().id(), outcome.contact().rst(), outcome.contact().intent(),
                        outcome.classification().rst(), outcome.classification().intent(),
                        outcome.classification().confidence(), outcome.contact().text())));
        return out.toString();
    }

    /** {@code args[0]}, when given: the Markdown file whose report section is replaced. */
    public static void main(String[] args) throws IOException {
        ClassificationEvaluation crossValidated = crossValidated(SoftmaxModel.Training.DEFAULT);
        ClassificationEvaluation heldOut = heldOut();
        System.out.print(crossValidated.mistakes() + '\n' + heldOut.mistakes() + '\n');
        String report = "Produced by `exec:java@evaluate` on " + LocalDate.now() + ", model "
                + ContactModel.bundled().version() + ".\n\n" + crossValidated.report() + '\n' + heldOut.report();
        System.out.print(report);
        if (args.length > 0) {
            Path file = Path.of(args[0]);
            String doc = Files.readString(file, StandardCharsets.UTF_8);
            int begin = doc.indexOf(BEGIN);
            int end = doc.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(file + " has no section between " + BEGIN + " and " + END);
            }
            Files.writeString(file, doc.substring(0, begin + BEGIN.length()) + '\n' + report + doc.substring(end),
                    StandardCharsets.UTF_8);
            System.out.println("Written to " + file);
        }
    }
}
