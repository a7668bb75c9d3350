package io.switchboard.routing.classification;

import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The statistical half of the classifier: one model for the RST class and one for the intent, trained on the
 * training part of the labelled data set when the engine starts. Training takes about a second, is
 * deterministic, and keeps the model and the data set it came from in one artifact.
 */
public final class ContactModel {

    private final Vocabulary vocabulary;
    private final SoftmaxModel<Rst> rst;
    private final SoftmaxModel<Intent> intent;
    /** P(RST class | intent) in the training data, add-one smoothed: how an intent is usually handled. */
    private final double[][] rstGivenIntent;
    private final int trainedOn;
    private final String version;

    private ContactModel(Vocabulary vocabulary, SoftmaxModel<Rst> rst, SoftmaxModel<Intent> intent,
            double[][] rstGivenIntent, int trainedOn) {
        this.vocabulary = vocabulary;
        this.rst = rst;
        this.intent = intent;
        this.rstGivenIntent = rstGivenIntent;
        this.trainedOn = trainedOn;
        this.version = fingerprint();
    }

    public static ContactModel trainedOn(List<LabelledContact> examples) {
        return trainedOn(examples, SoftmaxModel.Training.DEFAULT);
    }

    public static ContactModel trainedOn(List<LabelledContact> examples, SoftmaxModel.Training training) {
        List<Set<String>> documents = examples.stream()
                .map(example -> ContactFeatures.of(NormalisedText.of(example.text()), example.channel(),
                        example.publicPost()))
                .toList();
        Vocabulary vocabulary = Vocabulary.of(documents);
        return new ContactModel(vocabulary,
                SoftmaxModel.train(Rst.class, vocabulary, documents, examples.stream().map(LabelledContact::rst).toList(),
                        training),
                SoftmaxModel.train(Intent.class, vocabulary, documents,
                        examples.stream().map(LabelledContact::intent).toList(), training),
                rstGivenIntent(examples), examples.size());
    }

    private static double[][] rstGivenIntent(List<LabelledContact> examples) {
        double[][] table = new double[Intent.values().length][Rst.values().length];
        for (double[] row : table) {
            Arrays.fill(row, 1);
        }
        examples.forEach(example -> table[example.intent().ordinal()][example.rst().ordinal()]++);
        for (double[] row : table) {
            double sum = Arrays.stream(row).sum();
            for (int i = 0; i < row.length; i++) {
                row[i] /= sum;
            }
        }
        return table;
    }

    /** The RST distribution implied by a distribution over intents. */
    public double[] rstImpliedBy(double[] intentProbabilities) {
        double[] implied = new double[Rst.values().length];
        for (int intent = 0; intent < intentProbabilities.length; intent++) {
            for (int rst = 0; rst < implied.length; rst++) {
                implied[rst] += intentProbabilities[intent] * rstGivenIntent[intent][rst];
            }
        }
        return implied;
    }

    /** The model the engine runs with: trained on the whole bundled data set. */
    public static ContactModel bundled() {
        return trainedOn(LabelledContacts.bundled());
    }

    /** The features both models learnt from, which {@link Vocabulary#encode} looks a contact's features up in. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public SoftmaxModel<Rst> rst() {
        return rst;
    }

    public SoftmaxModel<Intent> intent() {
        return intent;
    }

    public int trainedOn() {
        return trainedOn;
    }

    /**
     * The model's version: a fingerprint of what it has learnt, so it changes with the data, the features and the
     * training parameters alike, and every instance of one build names the same version (training is deterministic).
     */
    public String version() {
        return version;
    }

    private String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            rst.fingerprint(digest);
            intent.fingerprint(digest);
            ByteBuffer table = ByteBuffer.allocate(Double.BYTES * Intent.values().length * Rst.values().length);
            for (double[] row : rstGivenIntent) {
                for (double p : row) {
                    table.putDouble(p);
                }
            }
            digest.update(table.array());
            return "m-" + HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
