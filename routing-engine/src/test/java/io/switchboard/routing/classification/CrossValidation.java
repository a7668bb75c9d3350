package io.switchboard.routing.classification;

import java.util.Locale;

/**
 * Chooses the model's training parameters by 5-fold cross-validation over the bundled data set, so the held-out set
 * plays no part in it. Run it with {@code ./mvnw -o -q -pl routing-engine test-compile exec:java@cross-validate}.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "%6s %6s %8s %8s %10s %8s%n", "epochs", "rate", "l2", "rst acc", "min recall",
                "intent");
        for (int epochs : new int[] {20, 40}) {
            for (double rate : new double[] {0.1, 0.2, 0.4}) {
                for (double l2 : new double[] {1e-2, 1e-3, 1e-4}) {
                    SoftmaxModel.Training parameters = new SoftmaxModel.Training(epochs, rate, l2);
                    ClassificationEvaluation evaluation = ClassificationEvaluation.crossValidated(parameters);
                    System.out.printf(Locale.ROOT, "%6d %6.1f %8.0e %8.3f %10.3f %8.3f%n", epochs, rate, l2,
                            evaluation.rst().accuracy(), evaluation.rst().minimumRecall(),
                            evaluation.intent().accuracy());
                }
            }
        }
    }
}
