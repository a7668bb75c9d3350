package io.switchboard.routing.classification;

import io.switchboard.contracts.ClassificationCorrection;

import java.util.List;
import java.util.Optional;

/**
 * The model an engine classifies with: the bundled one, or a promoted version with the corrections it learnt from
 * and the retrain that promoted it.
 */
public final class ActiveModel {

    private final ContactModel model;
    private final ContactClassifier classifier;
    private final List<ClassificationCorrection> corrections;
    private final RetrainOutcome promotion;

    private ActiveModel(ContactModel model, List<ClassificationCorrection> corrections, RetrainOutcome promotion) {
        this.model = model;
        this.classifier = new ContactClassifier(model);
        this.corrections = List.copyOf(corrections);
        this.promotion = promotion;
    }

    public static ActiveModel bundled(ContactModel model) {
        return new ActiveModel(model, List.of(), null);
    }

    public static ActiveModel promoted(ContactModel model, List<ClassificationCorrection> corrections,
            RetrainOutcome promotion) {
        return new ActiveModel(model, corrections, promotion);
    }

    public ContactModel model() {
        return model;
    }

    public ContactClassifier classifier() {
        return classifier;
    }

    public List<ClassificationCorrection> corrections() {
        return corrections;
    }

    /** The retrain that promoted this model; empty for the bundled model. */
    public Optional<RetrainOutcome> promotion() {
        return Optional.ofNullable(promotion);
    }
}
