package io.switchboard.routing.classification;

import io.switchboard.contracts.Channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The evidence the statistical model weighs: words, word pairs, character 3- to 5-grams inside words (they carry
 * Dutch compounds and inflections: "internetstoring", "storingen", "gestoord" share "stor"), the channel and
 * whether the post is public.
 */
public final class ContactFeatures {

    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;

    private ContactFeatures() {
    }

    public static Set<String> of(NormalisedText text, Channel channel, boolean publicPost) {
        Set<String> features = new LinkedHashSet<>();
        List<String> words = text.words();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            features.add("w:" + word);
            if (i + 1 < words.size()) {
                features.add("p:" + word + " " + words.get(i + 1));
            }
            String bounded = "_" + word + "_";
            for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
                for (int start = 0; start + n <= bounded.length(); start++) {
                    features.add("c:" + bounded.substring(start, start + n));
                }
            }
        }
        if (channel != null) {
            features.add("channel:" + channel);
        }
        if (publicPost) {
            features.add("public");
        }
        return features;
    }

    /**
     * Whether a feature makes sense to a supervisor on its own: whole words of three letters or more, word pairs,
     * the channel and the public flag. Word parts weigh in the model but read as noise in an explanation.
     */
    public static boolean readable(String feature) {
        return feature.startsWith("p:") || feature.startsWith("channel:") || feature.equals("public")
                || (feature.startsWith("w:") && feature.length() >= 5);
    }

    /** The feature as a supervisor reads it in an explanation. */
    public static String describe(String feature) {
        if (feature.startsWith("w:")) {
            return "word '" + feature.substring(2) + "'";
        }
        if (feature.startsWith("p:")) {
            return "words '" + feature.substring(2) + "'";
        }
        if (feature.startsWith("channel:")) {
            return "channel " + feature.substring("channel:".length());
        }
        return "public post";
    }
}
