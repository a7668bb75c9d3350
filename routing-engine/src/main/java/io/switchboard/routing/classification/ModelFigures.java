package io.switchboard.routing.classification;

import io.switchboard.contracts.Rst;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a model did on contacts it did not train on, classifying as the engine does (model and phrase rules).
 *
 * @param rstRecall recall per RST class that occurs in the split
 */
public record ModelFigures(int validatedOn, double rstAccuracy, Map<Rst, Double> rstRecall, double intentAccuracy) {

    public ModelFigures {
        rstRecall = Map.copyOf(rstRecall);
    }

    public static ModelFigures of(List<Outcome> outcomes) {
        Scores<Rst> rst = Scores.rst(outcomes);
        Map<Rst, Double> recall = new EnumMap<>(Rst.class);
        for (Rst label : Rst.values()) {
            if (rst.support(label) > 0) {
                recall.put(label, rst.recall(label));
            }
        }
        return new ModelFigures(outcomes.size(), rst.accuracy(), recall, Scores.intent(outcomes).accuracy());
    }
}
