package io.switchboard.routing.classification;

import java.time.Instant;

/**
 * What a retrain decided: the candidate and the active model side by side on the same validation split, and whether
 * the candidate was promoted or, if not, why.
 *
 * @param corrections how many corrections the candidate learnt from (all of them, one per contact)
 * @param trainedOn   how many labelled contacts the candidate learnt from: the bundled ones and the corrections
 * @param reason      why it was refused; for a promoted candidate, the rule it passed
 */
public record RetrainOutcome(String candidate, String current, int corrections, int trainedOn,
        ModelFigures candidateFigures, ModelFigures currentFigures, boolean promoted, String reason,
        Instant decidedAt) {
}
