package io.switchboard.routing.classification;

import java.util.List;
import java.util.Locale;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;

import java.util.function.Function;

/** Confusion matrix of a classifier on labelled contacts, and the measures derived from it, for one label type. */
public record Scores<L extends Enum<L>>(L[] labels, int[][] confusion) {

    public static Scores<Rst> rst(List<Outcome> outcomes) {
        return of(Rst.class, outcomes, outcome -> outcome.contact().rst(), outcome -> outcome.classification().rst());
    }

    public static Scores<Intent> intent(List<Outcome> outcomes) {
        return of(Intent.class, outcomes, outcome -> outcome.contact().intent(),
                outcome -> outcome.classification().intent());
    }

    private static <L extends Enum<L>> Scores<L> of(Class<L> type, List<Outcome> outcomes,
            Function<Outcome, L> truth, Function<Outcome, L> predicted) {
        L[] labels = type.getEnumConstants();
        int[][] confusion = new int[labels.length][labels.length];
        outcomes.forEach(outcome -> confusion[truth.apply(outcome).ordinal()][predicted.apply(outcome).ordinal()]++);
        return new Scores<>(labels, confusion);
    }

    public double accuracy() {
        int correct = 0;
        int total = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels.length; j++) {
                total += confusion[i][j];
                correct += i == j ? confusion[i][j] : 0;
            }
        }
        return total == 0 ? 0 : (double) correct / total;
    }

    public int support(L label) {
        int actual = 0;
        for (int count : confusion[label.ordinal()]) {
            actual += count;
        }
        return actual;
    }

    public double recall(L label) {
        int actual = support(label);
        return actual == 0 ? Double.NaN : (double) confusion[label.ordinal()][label.ordinal()] / actual;
    }

    public double precision(L label) {
        int j = label.ordinal();
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[j];
        }
        return predicted == 0 ? Double.NaN : (double) confusion[j][j] / predicted;
    }

    /** The lowest recall of a class that occurs. */
    public double minimumRecall() {
        double lowest = 1;
        for (L label : labels) {
            if (support(label) > 0) {
                lowest = Math.min(lowest, recall(label));
            }
        }
        return lowest;
    }

    public String report(String title) {
        StringBuilder out = new StringBuilder(title).append(String.format(Locale.ROOT, ": accuracy %.3f%n", accuracy()));
        out.append(String.format(Locale.ROOT, "  %-26s %9s %9s %8s%n", "class", "precision", "recall", "support"));
        for (L label : labels) {
            out.append(String.format(Locale.ROOT, "  %-26s %9.3f %9.3f %8d%n", label, precision(label),
                    recall(label), support(label)));
        }
        out.append("  confusion (rows = true class, columns = predicted, in the order above)\n");
        for (L label : labels) {
            out.append(String.format(Locale.ROOT, "  %-26s", label));
            for (int count : confusion[label.ordinal()]) {
                out.append(String.format(Locale.ROOT, "%5d", count));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
