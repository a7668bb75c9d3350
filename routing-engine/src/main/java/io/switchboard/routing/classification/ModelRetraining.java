package io.switchboard.routing.classification;

import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.routing.policy.RuleSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Retrains the model on the bundled data set plus the agents' corrections, and decides whether the candidate may
 * replace the active model. Both are judged as recipes on the same split of the bundled contacts and all
 * corrections, {@value #FOLDS}-fold and stratified ({@link LabelledContacts#stratifiedFolds}): for each fold the
 * candidate's recipe (bundled data and all corrections) and the active model's (bundled data and the corrections it
 * learnt from) are trained on the other folds and classify this one, so every contact is judged once by each, by
 * models that did not train on it. Judging the active model as deployed would let it score on contacts it trained
 * on; one fold alone moves by a contact or two when the training data barely changes. The project's held-out set
 * plays no part: it stays a measure nobody tuned to.
 */
public final class ModelRetraining {

    static final int FOLDS = 5;

    private final List<LabelledContact> bundled;
    private final PromotionRule rule;

    public ModelRetraining(List<LabelledContact> bundled, PromotionRule rule) {
        this.bundled = List.copyOf(bundled);
        this.rule = rule;
    }

    /** The model trained on the bundled contacts and {@code corrections}, as the engine runs it. */
    public ContactModel train(List<ClassificationCorrection> corrections) {
        return ContactModel.trainedOn(withCorrections(corrections));
    }

    /**
     * Trains a candidate on the bundled contacts and {@code corrections} and compares it with {@code current},
     * both classifying under {@code rules}; the result holds the candidate only when it may be promoted.
     */
    public Result retrain(ActiveModel current, List<ClassificationCorrection> corrections, RuleSet rules, Instant now) {
        List<LabelledContact> all = withCorrections(corrections);
        List<LabelledContact> currentData = withCorrections(current.corrections());
        int[] fold = LabelledContacts.stratifiedFolds(all, FOLDS);
        List<Outcome> candidateOutcomes = new ArrayList<>();
        List<Outcome> currentOutcomes = new ArrayList<>();
        for (int held = 0; held < FOLDS; held++) {
            List<LabelledContact> validation = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (fold[i] == held) {
                    validation.add(all.get(i));
                }
            }
            Set<String> validating = validation.stream().map(LabelledContact::id).collect(Collectors.toSet());
            Predicate<LabelledContact> training = contact -> !validating.contains(contact.id());
            candidateOutcomes.addAll(Outcome.of(
                    ContactModel.trainedOn(all.stream().filter(training).toList()), validation, rules));
            currentOutcomes.addAll(Outcome.of(
                    ContactModel.trainedOn(currentData.stream().filter(training).toList()), validation, rules));
        }
        ModelFigures candidateFigures = ModelFigures.of(candidateOutcomes);
        ModelFigures currentFigures = ModelFigures.of(currentOutcomes);

        ContactModel candidate = ContactModel.trainedOn(all);
        Optional<String> refusal = candidate.version().equals(current.model().version())
                ? Optional.of("the candidate is the active model: no new corrections")
                : rule.refusal(candidateFigures, currentFigures);
        RetrainOutcome outcome = new RetrainOutcome(candidate.version(), current.model().version(),
                corrections.size(), Corrections.bySource(corrections), all.size(), candidateFigures, currentFigures, refusal.isEmpty(),
                refusal.orElse(rule.toString()), now);
        return new Result(outcome, refusal.isEmpty()
                ? Optional.of(ActiveModel.promoted(candidate, corrections, outcome))
                : Optional.empty());
    }

    private List<LabelledContact> withCorrections(List<ClassificationCorrection> corrections) {
        return Stream.concat(bundled.stream(), corrections.stream().map(Corrections::example)).toList();
    }

    /** The outcome, with the candidate ready to run when it passed. */
    public record Result(RetrainOutcome outcome, Optional<ActiveModel> promoted) {
    }
}
