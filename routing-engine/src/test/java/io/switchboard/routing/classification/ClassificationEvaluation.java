package io.switchboard.routing.classification;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;
import io.switchboard.routing.policy.RoutingRulesStore;
import io.switchboard.routing.policy.RuleSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Measures the classifier as the engine runs it (the model trained on the bundled data set, the bundled rule set)
 * three ways: 5-fold cross-validation over the bundled data set, the held-out set {@value #HELD_OUT}, and the
 * second held-out set {@value #FORUM}, each written apart from the training data in another style and never
 * trained on. Run it with
 * {@code ./mvnw -o -q -pl routing-engine test-compile exec:java@evaluate}: it prints the report and the
 * misclassified contacts, and writes the report into docs/classification.md between its markers.
 */
public final class ClassificationEvaluation {

    /** Written apart from the training data and never trained on; a test resource, so not even in the jar. */
    static final String HELD_OUT = "classification/heldout.jsonl";
    /** Questions as customers put them on help forums and FAQ pages, paraphrased, across sectors; never trained on. */
    static final String FORUM = "classification/heldout-forum.jsonl";
    static final int FOLDS = 5;

    private static final String BEGIN = "<!-- evaluation report: begin -->";
    private static final String END = "<!-- evaluation report: end -->";

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
        return onEngineModel("Held-out set", HELD_OUT);
    }

    /** The engine's model on the second held-out set, in the style of help forums. */
    static ClassificationEvaluation forum() {
        return onEngineModel("Second held-out set (forum style)", FORUM);
    }

    private static ClassificationEvaluation onEngineModel(String name, String resource) {
        return of(name, LabelledContacts.bundled(), LabelledContacts.read(resource), SoftmaxModel.Training.DEFAULT,
                bundledRules());
    }

    /** Cross-validation over the bundled contacts: every contact classified by a model that did not train on it. */
    static ClassificationEvaluation crossValidated(SoftmaxModel.Training parameters) {
        return crossValidated(LabelledContacts.bundled(), parameters, bundledRules());
    }

    /** {@value #FOLDS}-fold cross-validation, stratified ({@link LabelledContacts#stratifiedFolds}). */
    static ClassificationEvaluation crossValidated(List<LabelledContact> data, SoftmaxModel.Training parameters,
            RuleSet rules) {
        int[] fold = LabelledContacts.stratifiedFolds(data, FOLDS);
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
        return new ClassificationEvaluation(name,
                Outcome.of(ContactModel.trainedOn(training, parameters), testing, rules));
    }

    ClassificationEvaluation where(String slice, Predicate<LabelledContact> filter) {
        return new ClassificationEvaluation(slice,
                outcomes.stream().filter(outcome -> filter.test(outcome.contact())).toList());
    }

    int size() {
        return outcomes.size();
    }

    Scores<Rst> rst() {
        return Scores.rst(outcomes);
    }

    Scores<Intent> intent() {
        return Scores.intent(outcomes);
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
        ClassificationEvaluation forum = forum();
        System.out.print(crossValidated.mistakes() + '\n' + heldOut.mistakes() + '\n' + forum.mistakes() + '\n');
        String report = "Produced by `exec:java@evaluate` on " + LocalDate.now() + ", model "
                + ContactModel.bundled().version() + ".\n\n" + crossValidated.report() + '\n' + heldOut.report()
                + '\n' + forum.report();
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
