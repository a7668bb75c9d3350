package io.switchboard.routing.classification;

import io.switchboard.contracts.Rst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a candidate model may replace the active one, both judged in the same cross-validation: RST accuracy and intent
 * accuracy not lower by more than {@code noise}, and no RST class's recall lower by more than {@code maxRecallDrop}.
 * A wrong office costs a transfer, so a candidate that trades one office's contacts for overall accuracy is refused.
 * The noise is what training alone moves the cross-validation by: the same 1034 contacts visited in another order
 * scored 0.003 apart in RST accuracy, and a few sensible corrections were refused by as little (see
 * docs/classification.md); a candidate within it is not measurably worse.
 */
public record PromotionRule(double maxRecallDrop, double noise) {

    public static final PromotionRule DEFAULT = new PromotionRule(0.05, 0.005);

    /** Equal counts of right answers give figures equal up to rounding; below this they count as the same. */
    private static final double SAME = 1e-9;

    /** Why {@code candidate} is worse than {@code current}; empty when it may be promoted. */
    public Optional<String> refusal(ModelFigures candidate, ModelFigures current) {
        List<String> worse = new ArrayList<>();
        if (candidate.rstAccuracy() < current.rstAccuracy() - noise - SAME) {
            worse.add(String.format(Locale.ROOT, "RST accuracy %.3f < %.3f", candidate.rstAccuracy(),
                    current.rstAccuracy()));
        }
        if (candidate.intentAccuracy() < current.intentAccuracy() - noise - SAME) {
            worse.add(String.format(Locale.ROOT, "intent accuracy %.3f < %.3f", candidate.intentAccuracy(),
                    current.intentAccuracy()));
        }
        current.rstRecall().forEach((Rst rst, Double recall) -> {
            double now = candidate.rstRecall().getOrDefault(rst, 0.0);
            if (now < recall - maxRecallDrop - SAME) {
                worse.add(String.format(Locale.ROOT, "%s recall %.3f is more than %.2f below %.3f", rst, now,
                        maxRecallDrop, recall));
            }
        });
        return worse.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", worse));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RST accuracy and intent accuracy not lower by more than %.3f, no RST class "
                + "recall lower by more than %.2f, in the same cross-validation", noise, maxRecallDrop);
    }
}
