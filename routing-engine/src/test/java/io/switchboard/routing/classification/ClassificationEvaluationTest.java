package io.switchboard.routing.classification;

import io.switchboard.contracts.Rst;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier on the evaluation part of the labelled data set, which the model never trains on: every RST
 * recall and the accuracy must meet issue 5's targets (0.85 and 0.92; recorded 0.923, see docs/classification.md).
 */
class ClassificationEvaluationTest {

    @Test
    void rstAccuracyAndRecallStayAboveTheRecordedFigures() {
        ClassificationEvaluation evaluation = ClassificationEvaluation.run();
        System.out.print(evaluation.report());

        assertThat(evaluation.rst().accuracy()).isGreaterThanOrEqualTo(0.92);
        for (Rst rst : Rst.values()) {
            assertThat(evaluation.rst().recall(rst)).as("recall of %s", rst).isGreaterThanOrEqualTo(0.85);
        }
        assertThat(evaluation.intent().accuracy()).isGreaterThanOrEqualTo(0.75);
        assertThat(evaluation.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
    }
}
