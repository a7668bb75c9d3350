package io.switchboard.adapter.phone.survey;

import io.switchboard.contracts.SurveyQuestion;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A caller's score from the keypad ({@code Digits}) or from speech recognition ({@code SpeechResult}): "8", "acht",
 * "eight", "ik geef een acht", "eight out of ten". The first number said counts; the Dutch "een" is also the article
 * ("een acht"), so it counts as 1 only when no other number follows.
 */
public final class SurveyScore {

    private static final Pattern WHOLE = Pattern.compile("\\d{1,2}");
    private static final Pattern NUMBER = Pattern.compile("(?<!\\d|\\d[.,])(\\d{1,2})(?!\\d|[.,]\\d)");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("nul", 0), Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("twee", 2), Map.entry("two", 2), Map.entry("drie", 3), Map.entry("three", 3),
            Map.entry("vier", 4), Map.entry("four", 4), Map.entry("vijf", 5), Map.entry("five", 5),
            Map.entry("zes", 6), Map.entry("six", 6), Map.entry("zeven", 7), Map.entry("seven", 7),
            Map.entry("acht", 8), Map.entry("eight", 8), Map.entry("negen", 9), Map.entry("nine", 9),
            Map.entry("tien", 10), Map.entry("ten", 10));

    private SurveyScore() {
    }

    /** The score 0–10 the caller pressed or said; empty for anything else. */
    public static Optional<Integer> of(String digits, String speech) {
        if (digits != null && !digits.isBlank()) {
            return WHOLE.matcher(digits).matches() ? inScale(Integer.parseInt(digits)) : Optional.empty();
        }
        return speech == null ? Optional.empty() : spoken(speech);
    }

    private static Optional<Integer> spoken(String speech) {
        Matcher number = NUMBER.matcher(speech);
        if (number.find()) {
            return inScale(Integer.parseInt(number.group(1)));
        }
        // "één" and "een" are the same word to a speech recogniser
        String words = Normalizer.normalize(speech.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        boolean saidEen = false;
        for (String word : words.split("[^a-z]+")) {
            if ("een".equals(word)) {
                saidEen = true;
            } else if (WORDS.containsKey(word)) {
                return Optional.of(WORDS.get(word));
            }
        }
        return saidEen ? Optional.of(1) : Optional.empty();
    }

    private static Optional<Integer> inScale(int score) {
        return score >= SurveyQuestion.LOWEST && score <= SurveyQuestion.HIGHEST ? Optional.of(score)
                : Optional.empty();
    }
}
