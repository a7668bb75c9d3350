package io.switchboard.routing.classification;

import io.switchboard.contracts.ClassificationCorrection;

import java.time.Instant;
import java.util.Map;

/**
 * What a retrain decided: the candidate and the active model side by side on the same validation split, and whether
 * the candidate was promoted or, if not, why.
 *
 * @param corrections         how many corrections the candidate learnt from: each corrected contact's latest one
 * @param correctionsBySource the same per source: agents' corrections and escalations
 * @param trainedOn   how many labelled contacts the candidate learnt from: the bundled ones and the corrections
 * @param reason      why it was refused; for a promoted candidate, the rule it passed
 */
public record RetrainOutcome(String candidate, String current, int corrections,
        Map<ClassificationCorrection.Source, Integer> correctionsBySource, int trainedOn,
        ModelFigures candidateFigures, ModelFigures currentFigures, boolean promoted, String reason,
        Instant decidedAt) {
}
