package io.switchboard.routing.classification;

import io.switchboard.contracts.Rst;
import io.switchboard.routing.classification.LabelledContact.Split;
import io.switchboard.routing.policy.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the model's training parameters by 5-fold cross-validation on the training part alone, so the
 * evaluation part stays unseen. Run it with {@code ./mvnw -o -q -pl routing-engine test-compile exec:java@cross-validate}.
 */
public final class CrossValidation {

    private static final int FOLDS = 5;

    private CrossValidation() {
    }

    public static void main(String[] args) {
        List<LabelledContact> training = LabelledContacts.bundled().part(Split.TRAIN);
        RuleSet rules = ClassificationEvaluation.bundledRules();
        System.out.printf(Locale.ROOT, "%6s %6s %8s %8s %10s %8s%n", "epochs", "rate", "l2", "rst acc", "min recall",
                "intent");
        for (int epochs : new int[] {20, 40}) {
            for (double rate : new double[] {0.1, 0.2, 0.4}) {
                for (double l2 : new double[] {1e-2, 1e-3}) {
                    SoftmaxModel.Training parameters = new SoftmaxModel.Training(epochs, rate, l2);
                    double rst = 0;
                    double minRecall = 0;
                    double intent = 0;
                    for (int fold = 0; fold < FOLDS; fold++) {
                        List<LabelledContact> fit = new ArrayList<>();
                        List<LabelledContact> held = new ArrayList<>();
                        for (int i = 0; i < training.size(); i++) {
                            (i % FOLDS == fold ? held : fit).add(training.get(i));
                        }
                        ClassificationEvaluation evaluation = ClassificationEvaluation.of(fit, held, parameters, rules);
                        rst += evaluation.rst().accuracy() / FOLDS;
                        intent += evaluation.intent().accuracy() / FOLDS;
                        double lowest = 1;
                        for (Rst label : Rst.values()) {
                            lowest = Math.min(lowest, evaluation.rst().recall(label));
                        }
                        minRecall += lowest / FOLDS;
                    }
                    System.out.printf(Locale.ROOT, "%6d %6.1f %8.0e %8.3f %10.3f %8.3f%n", epochs, rate, l2, rst,
                            minRecall, intent);
                }
            }
        }
    }
}
