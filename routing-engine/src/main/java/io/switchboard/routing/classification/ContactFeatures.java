package io.switchboard.routing.classification;

import io.switchboard.contracts.Channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The evidence the statistical model weighs: words, word pairs and pairs with one word between them, character 3- to
 * 5-grams inside words (they carry Dutch compounds, inflections and typos: "internetstoring", "storingen" and
 * "gestoord" share "stor"), negated words ("werkt niet", "not working": the word negated is evidence of its own), the
 * service topics of the text in either language ({@link ServiceTopics}), the channel and whether the post is public.
 */
public final class ContactFeatures {

    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;
    /** "heeeelp", "sooo slow": three or more of a letter read as one. */
    private static final Pattern STRETCHED = Pattern.compile("([a-z])\\1{2,}");
    private static final Set<String> NEGATIONS = Set.of("niet", "geen", "nooit", "niks", "niets", "not", "no",
            "never", "nothing", "cant", "cannot", "wont", "doesnt", "dont", "isnt", "didnt", "arent", "havent");

    private ContactFeatures() {
    }

    public static Set<String> of(NormalisedText text, Channel channel, boolean publicPost) {
        Set<String> features = new LinkedHashSet<>();
        List<String> words = text.words().stream().map(word -> STRETCHED.matcher(word).replaceAll("$1")).toList();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            features.add("w:" + word);
            if (i + 1 < words.size()) {
                features.add("p:" + word + " " + words.get(i + 1));
            }
            if (i + 2 < words.size()) {
                features.add("k:" + word + " _ " + words.get(i + 2));
            }
            if (NEGATIONS.contains(word)) {
                // English negates the word after it, Dutch mostly the verb before it ("werkt niet", "laadt niet").
                if (i + 1 < words.size()) {
                    features.add("n:" + words.get(i + 1));
                }
                if (i > 0) {
                    features.add("n:" + words.get(i - 1));
                }
            }
            String bounded = "_" + word + "_";
            for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
                for (int start = 0; start + n <= bounded.length(); start++) {
                    features.add("c:" + bounded.substring(start, start + n));
                }
            }
        }
        ServiceTopics.of(text).forEach(topic -> features.add("t:" + topic));
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
     * negated words, topics, the channel and the public flag. Word parts and pairs with a gap weigh in the model but
     * read as noise in an explanation.
     */
    public static boolean readable(String feature) {
        return feature.startsWith("p:") || feature.startsWith("n:") || feature.startsWith("t:")
                || feature.startsWith("channel:") || feature.equals("public")
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
        if (feature.startsWith("n:")) {
            return "negated '" + feature.substring(2) + "'";
        }
        if (feature.startsWith("t:")) {
            return "topic " + feature.substring(2);
        }
        if (feature.startsWith("channel:")) {
            return "channel " + feature.substring("channel:".length());
        }
        return "public post";
    }
}
