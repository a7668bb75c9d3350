package io.switchboard.routing.classification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier on contacts its model never trained on. Both held-out sets must meet issue 17's targets (RST
 * accuracy 0.93, every RST recall 0.88, intent accuracy 0.80; recorded 0.949, 0.905, 0.846 and, forum style, 0.965,
 * 0.933, 0.886) and cross-validation over the bundled data set must stay at the recorded figures (0.943, 0.899,
 * 0.844; see docs/classification.md).
 */
class ClassificationEvaluationTest {

    @Test
    void heldOutSetMeetsTheTargets() {
        assertMeetsTheTargets(ClassificationEvaluation.heldOut());
    }

    @Test
    void forumStyleSetMeetsTheTargets() {
        assertMeetsTheTargets(ClassificationEvaluation.forum());
    }

    @Test
    void crossValidationStaysAtTheRecordedFigures() {
        ClassificationEvaluation crossValidated = ClassificationEvaluation.crossValidated(SoftmaxModel.Training.DEFAULT);

        assertThat(crossValidated.rst().accuracy()).isGreaterThanOrEqualTo(0.94);
        assertThat(crossValidated.rst().minimumRecall()).isGreaterThanOrEqualTo(0.895);
        assertThat(crossValidated.intent().accuracy()).isGreaterThanOrEqualTo(0.84);
    }

    private static void assertMeetsTheTargets(ClassificationEvaluation heldOut) {
        System.out.print(heldOut.report());

        assertThat(heldOut.rst().accuracy()).isGreaterThanOrEqualTo(0.93);
        assertThat(heldOut.rst().minimumRecall()).isGreaterThanOrEqualTo(0.88);
        assertThat(heldOut.intent().accuracy()).isGreaterThanOrEqualTo(0.80);
        assertThat(heldOut.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
    }
}
