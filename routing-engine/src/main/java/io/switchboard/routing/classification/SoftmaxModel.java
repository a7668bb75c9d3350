package io.switchboard.routing.classification;

import io.switchboard.routing.classification.Vocabulary.FeatureVector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Multinomial logistic regression over sparse binary features, trained by stochastic gradient descent with L2
 * regularisation. Chosen over naive Bayes because its scores are log-odds that add up with the phrase rules'
 * weights, its probabilities are better calibrated (the front-office threshold depends on them) and the weight of
 * each feature is a readable reason. Training is deterministic: fixed seed, fixed number of epochs.
 */
public final class SoftmaxModel<L extends Enum<L>> {

    private static final long SEED = 20261123L;

    /**
     * How the model is fitted. {@link #DEFAULT} was chosen by cross-validation on the training part only (see
     * docs/classification.md), never on the evaluation part.
     */
    public record Training(int epochs, double learningRate, double l2) {
        public static final Training DEFAULT = new Training(20, 0.4, 1e-3);
    }

    private final L[] labels;
    private final Vocabulary vocabulary;
    private final double[][] weights;
    private final double[] bias;

    private SoftmaxModel(L[] labels, Vocabulary vocabulary) {
        this.labels = labels;
        this.vocabulary = vocabulary;
        this.weights = new double[labels.length][vocabulary.size()];
        this.bias = new double[labels.length];
    }

    /** A feature's contribution to one label's score, for explanations. */
    public record Contribution(String feature, double weight) {
    }

    /** {@code vocabulary} has a column for every feature of {@code documents}. */
    public static <L extends Enum<L>> SoftmaxModel<L> train(Class<L> type, Vocabulary vocabulary,
            List<Set<String>> documents, List<L> answers, Training training) {
        SoftmaxModel<L> model = new SoftmaxModel<>(type.getEnumConstants(), vocabulary);
        List<FeatureVector> encoded = documents.stream().map(vocabulary::encode).toList();
        // Rare classes weigh more, so the many routine contacts do not drown the few specialist ones.
        double[] classWeight = new double[model.labels.length];
        answers.forEach(answer -> classWeight[answer.ordinal()]++);
        for (int label = 0; label < classWeight.length; label++) {
            classWeight[label] = classWeight[label] == 0 ? 0 : answers.size() / (classWeight.length * classWeight[label]);
        }
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            double rate = training.learningRate() / (1 + epoch * 0.1);
            for (int index : visitingOrder(documents, epoch)) {
                int answer = answers.get(index).ordinal();
                model.step(encoded.get(index), answer, rate * classWeight[answer], training.l2());
            }
        }
        return model;
    }

    /**
     * The order in which one epoch visits the documents: each at a place drawn from its own features and the epoch,
     * not a shuffle of the list. A shuffle reorders every document when one is added, and that alone moved
     * cross-validation by more contacts than a few corrections do, so a retrain's comparison measured the shuffle.
     * This way a candidate visits the examples it shares with the current model in the same order, and the
     * comparison measures the corrections. Ties (the same text twice) keep the list order.
     */
    private static List<Integer> visitingOrder(List<Set<String>> documents, int epoch) {
        long[] places = new long[documents.size()];
        List<Integer> order = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            places[i] = mix(documents.get(i).hashCode() * 0x9E3779B97F4A7C15L + epoch + SEED);
            order.add(i);
        }
        order.sort(Comparator.comparingLong(index -> places[index]));
        return order;
    }

    /** SplitMix64's finaliser: spreads neighbouring inputs over the whole range. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void step(FeatureVector document, int answer, double rate, double l2) {
        double value = document.value();
        double[] probabilities = probabilities(logits(document));
        for (int label = 0; label < labels.length; label++) {
            double gradient = probabilities[label] - (label == answer ? 1 : 0);
            double[] row = weights[label];
            for (int feature : document.columns()) {
                row[feature] -= rate * (gradient * value + l2 * row[feature]);
            }
            bias[label] -= rate * gradient;
        }
    }

    /** Log-odds per label (indexed by ordinal), from the document's features as {@link Vocabulary#encode} found them. */
    public double[] scores(FeatureVector document) {
        return logits(document);
    }

    /** The features that pushed {@code label} up for this document, strongest first. */
    public List<Contribution> strongest(FeatureVector document, L label) {
        double value = document.value();
        double[] row = weights[label.ordinal()];
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < document.columns().length; i++) {
            double weight = row[document.columns()[i]] * value;
            if (weight > 0) {
                contributions.add(new Contribution(document.names().get(i), weight));
            }
        }
        contributions.sort(Comparator.comparingDouble(Contribution::weight).reversed());
        return contributions;
    }

    public static double[] probabilities(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        double[] probabilities = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] = Math.exp(scores[i] - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    private double[] logits(FeatureVector document) {
        double value = document.value();
        double[] logits = bias.clone();
        for (int label = 0; label < labels.length; label++) {
            double[] row = weights[label];
            for (int feature : document.columns()) {
                logits[label] += row[feature] * value;
            }
        }
        return logits;
    }

    /**
     * Feeds everything the model has learnt into {@code digest}, feature by feature in name order (the order in which
     * features were first seen does not matter): equal fingerprints, equal decisions.
     */
    void fingerprint(MessageDigest digest) {
        ByteBuffer weightsOfFeature = ByteBuffer.allocate(Double.BYTES * labels.length);
        vocabulary.inNameOrder().forEach((feature, index) -> {
            digest.update(feature.getBytes(StandardCharsets.UTF_8));
            weightsOfFeature.clear();
            for (double[] row : weights) {
                weightsOfFeature.putDouble(row[index]);
            }
            digest.update(weightsOfFeature.array());
        });
        ByteBuffer biases = ByteBuffer.allocate(Double.BYTES * labels.length);
        for (double b : bias) {
            biases.putDouble(b);
        }
        digest.update(biases.array());
    }

    public L label(int ordinal) {
        return labels[ordinal];
    }
}
