package io.switchboard.work.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A survey answer typed as text (WhatsApp, where the scale does not fit a list): the text begins with a whole number
 * 0–10, and the rest is the comment. "8 prima geholpen" is 8 with the comment "prima geholpen"; "80 euro" and
 * "8,5" are not answers; "8/10" is 8.
 *
 * @param comment null when the text is the number alone
 */
public record TypedAnswer(int score, String comment) {

    private static final Pattern ANSWER = Pattern.compile("\\s*(10|[0-9])(?![0-9]|[.,][0-9])(?:\\s*/\\s*10(?![0-9]))?[\\s.,:;!/-]*(.*)",
            Pattern.DOTALL);

    /** The answer the text is, or null. */
    public static TypedAnswer of(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = ANSWER.matcher(text);
        return matcher.matches() ? new TypedAnswer(Integer.parseInt(matcher.group(1)),
                SurveyAnswers.comment(matcher.group(2))) : null;
    }
}
