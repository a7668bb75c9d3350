package io.switchboard.routing.classification;

import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;
import io.switchboard.routing.policy.RoutingRules.PhraseRule;
import io.switchboard.routing.classification.Vocabulary.FeatureVector;
import io.switchboard.routing.policy.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Classifies a contact by intent and RST class. The statistical model gives every class a score (log-odds);
 * every phrase rule of the active rule set that matches adds its weight to the class it names; the RST scores
 * also get the RST distribution the intent implies. The class with the highest combined score wins and its share
 * of the combined probability is the confidence. All of it is written into the explanation, so a supervisor sees
 * which words and which rules decided.
 */
public final class ContactClassifier {

    private static final int REASONS = 3;

    private final ContactModel model;

    public ContactClassifier(ContactModel model) {
        this.model = model;
    }

    public Classification classify(ContactReceived contact, RuleSet ruleSet) {
        NormalisedText text = NormalisedText.of(contact.text());
        String language = new LanguageDetector(ruleSet.rules().classification().defaultLanguage())
                .detect(contact.language(), text.words());
        FeatureVector features = model.vocabulary().encode(ContactFeatures.of(text, contact.channel(),
                contact.publicPost()));
        List<RuleHit> hits = ruleSet.rules().classification().phrases().stream()
                .filter(rule -> applies(rule, contact))
                .flatMap(rule -> ruleSet.match(rule, text.text()).map(match -> new RuleHit(rule, match)).stream())
                .toList();

        // The intent is decided first: what a contact is about is strong evidence of how it must be handled.
        Decided<Intent> intent = decide(model.intent(), features, hits, PhraseRule::intent, "Intent", null);
        double[] implied = model.rstImpliedBy(intent.probabilities());
        Decided<Rst> rst = decide(model.rst(), features, hits, PhraseRule::rst, "RST", implied);
        List<String> explanation = new ArrayList<>();
        explanation.add(rst.reason());
        explanation.add(intent.reason());
        explanation.add(contact.language() == null
                ? "Language " + language + ", recognised from the text"
                : "Language " + language + ", as the channel reported");
        explanation.add("Classified by model " + model.version() + " (trained on " + model.trainedOn()
                + " labelled contacts).");
        return new Classification(rst.label(), rst.confidence(), intent.label(), intent.confidence(),
                Math.min(rst.confidence(), intent.confidence()), language, explanation, text, model.version());
    }

    private static boolean applies(PhraseRule rule, ContactReceived contact) {
        return (rule.channels().isEmpty() || rule.channels().contains(contact.channel()))
                && (!rule.publicOnly() || contact.publicPost());
    }

    /** {@code prior}: a distribution over the labels from other evidence, multiplied in; null when there is none. */
    private <L extends Enum<L>> Decided<L> decide(SoftmaxModel<L> softmax, FeatureVector features, List<RuleHit> hits,
            Function<PhraseRule, L> target, String what, double[] prior) {
        double[] modelScores = softmax.scores(features);
        if (prior != null) {
            for (int i = 0; i < modelScores.length; i++) {
                modelScores[i] += Math.log(prior[i]);
            }
        }
        double[] modelProbabilities = SoftmaxModel.probabilities(modelScores);
        double[] combined = modelScores.clone();
        List<RuleHit> used = hits.stream().filter(hit -> target.apply(hit.rule()) != null).toList();
        used.forEach(hit -> combined[target.apply(hit.rule()).ordinal()] += hit.rule().weight());
        double[] probabilities = SoftmaxModel.probabilities(combined);
        int best = argmax(probabilities);
        int modelBest = argmax(modelProbabilities);
        L label = softmax.label(best);
        L modelLabel = softmax.label(modelBest);

        StringBuilder reason = new StringBuilder()
                .append(what).append(' ').append(label).append(" (confidence ").append(percent(probabilities[best]))
                .append("). Model: ").append(modelLabel).append(' ').append(percent(modelProbabilities[modelBest]));
        String words = softmax.strongest(features, modelLabel).stream()
                .map(SoftmaxModel.Contribution::feature)
                .filter(ContactFeatures::readable)
                .limit(REASONS)
                .map(ContactFeatures::describe)
                .collect(Collectors.joining(", "));
        reason.append(words.isEmpty() ? ", no known words" : ", mostly from " + words);
        if (used.isEmpty()) {
            reason.append(". No phrase rule matched");
        } else {
            reason.append(". Rules: ").append(used.stream()
                    .map(hit -> "'" + hit.rule().id() + "' matched \"" + hit.match() + "\" → "
                            + target.apply(hit.rule()) + " +" + hit.rule().weight())
                    .collect(Collectors.joining("; ")));
        }
        if (prior != null) {
            reason.append(". The intent points to ").append(softmax.label(argmax(prior)))
                    .append(' ').append(percent(prior[argmax(prior)]));
        }
        return new Decided<>(label, probabilities[best], probabilities, reason.append('.').toString());
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String percent(double probability) {
        return String.format(Locale.ROOT, "%.0f%%", probability * 100);
    }

    private record RuleHit(PhraseRule rule, String match) {
    }

    private record Decided<L>(L label, double confidence, double[] probabilities, String reason) {
    }
}
