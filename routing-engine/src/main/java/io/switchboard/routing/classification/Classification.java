package io.switchboard.routing.classification;

import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;

import java.util.List;

/**
 * What the classifier concluded about a contact, with the reasons in words.
 *
 * @param confidence   the lower of the RST and the intent confidence: a decision is as sure as its weaker half
 * @param text         the normalised text, for the rules of the office decision
 * @param modelVersion the version of the model that decided ({@link ContactModel#version()})
 */
public record Classification(Rst rst, double rstConfidence, Intent intent, double intentConfidence,
        double confidence, String language, List<String> explanation, NormalisedText text, String modelVersion) {

    public Classification {
        explanation = List.copyOf(explanation);
    }
}
