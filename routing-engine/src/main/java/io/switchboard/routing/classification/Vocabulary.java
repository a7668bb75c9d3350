package io.switchboard.routing.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The features the models learnt from, each with its column in their weights. The RST and the intent model learn
 * from the same documents, so they share one vocabulary and a contact's features are looked up once for both: the
 * look-ups were most of what classifying a contact cost.
 */
public final class Vocabulary {

    private final Map<String, Integer> columns = new HashMap<>();

    /** Columns in the order the features first occur in {@code documents}. */
    static Vocabulary of(List<Set<String>> documents) {
        Vocabulary vocabulary = new Vocabulary();
        documents.forEach(document -> document.forEach(
                feature -> vocabulary.columns.putIfAbsent(feature, vocabulary.columns.size())));
        return vocabulary;
    }

    /** The document's features that have a column, in the document's order; the others carry no weight. */
    public FeatureVector encode(Set<String> document) {
        int[] known = new int[document.size()];
        List<String> names = new ArrayList<>(document.size());
        for (String feature : document) {
            Integer column = columns.get(feature);
            if (column != null) {
                known[names.size()] = column;
                names.add(feature);
            }
        }
        return new FeatureVector(Arrays.copyOf(known, names.size()), names);
    }

    public int size() {
        return columns.size();
    }

    /** Feature to column in name order, which does not depend on the order the features were first seen in. */
    SortedMap<String, Integer> inNameOrder() {
        return new TreeMap<>(columns);
    }

    /** A document's known features: {@code columns[i]} is the column of {@code names.get(i)}. */
    public record FeatureVector(int[] columns, List<String> names) {

        /** Binary features scaled to unit length, so long texts do not shout down short ones. */
        double value() {
            return columns.length == 0 ? 0 : 1 / Math.sqrt(columns.length);
        }
    }
}
