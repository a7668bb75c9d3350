package io.switchboard.routing.classification;

import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.routing.policy.RuleSet;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * The learning loop over a {@link ModelDirectory}: makes the active version's model, and retrains from the agents'
 * corrections, promoting the candidate or recording why not. The engine and the retrain command share it.
 */
public final class ModelVersions {

    private static final Logger LOG = Logger.getLogger(ModelVersions.class);

    private final ModelDirectory directory;
    private final ModelRetraining retraining;

    public ModelVersions(ModelDirectory directory, List<LabelledContact> bundled, PromotionRule rule) {
        this.directory = directory;
        this.retraining = new ModelRetraining(bundled, rule);
    }

    public ModelDirectory directory() {
        return directory;
    }

    /** The model of the version named active in the directory, or the bundled model while none is. */
    public ActiveModel active() {
        return directory.activeVersion().map(this::load)
                .orElseGet(() -> ActiveModel.bundled(retraining.train(List.of())));
    }

    public ActiveModel load(String version) {
        List<ClassificationCorrection> corrections = directory.corrections(version);
        ContactModel model = retraining.train(corrections);
        if (!model.version().equals(version)) {
            // Same corrections, other bundled data or features: a newer build learns them into another model.
            LOG.warnf("Model version %s was promoted in %s; this build makes %s of the same corrections", version,
                    directory.root(), model.version());
        }
        return ActiveModel.promoted(model, corrections, directory.promotion(version));
    }

    /**
     * Retrains on the bundled data set and {@code corrections} (each contact's latest), judged against
     * {@code current} under {@code rules}; a promoted candidate is named active in the directory, a refused one is
     * recorded there with why.
     */
    public ModelRetraining.Result retrain(ActiveModel current, List<ClassificationCorrection> corrections,
            RuleSet rules) {
        ModelRetraining.Result result = retraining.retrain(current, corrections, rules, Instant.now());
        RetrainOutcome outcome = result.outcome();
        if (outcome.promoted()) {
            directory.promote(outcome, corrections);
            LOG.infof("Model %s promoted over %s (%d corrections %s): %s", outcome.candidate(), outcome.current(),
                    outcome.corrections(), outcome.correctionsBySource(), outcome.candidateFigures());
        } else {
            directory.refused(outcome);
            LOG.infof("Model candidate %s not promoted, %s stays active: %s", outcome.candidate(), outcome.current(),
                    outcome.reason());
        }
        return result;
    }
}
