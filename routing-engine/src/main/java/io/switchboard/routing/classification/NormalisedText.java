package io.switchboard.routing.classification;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A contact text as rules and model see it: lower case, accents and apostrophes removed ("café" → "cafe",
 * "doesn't" → "doesnt"), every other non-alphanumeric character a single space. Rule patterns are written
 * against this form.
 */
public record NormalisedText(String text, List<String> words) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9€]+");

    public static NormalisedText of(String raw) {
        String text = raw == null ? "" : raw;
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        text = APOSTROPHES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        text = SEPARATORS.matcher(text).replaceAll(" ").strip();
        return new NormalisedText(text, text.isEmpty() ? List.of() : List.of(text.split(" ")));
    }
}
