package io.switchboard.adapter.whatsapp.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.contracts.SurveyQuestion;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A survey as a WhatsApp text message: the work-service's question, how to answer, and its comment prompt. The
 * customer answers by typing a number (a WhatsApp list holds 10 rows, the scale has 11), which the work-service
 * recognises at intake, the rest of the text being the comment.
 */
final class SurveyText {

    /** How to answer, in the customer's language; English where there is no text for it. */
    private static final Map<String, String> HOW_TO_ANSWER = Map.of(
            "nl", "Antwoord met een cijfer van 0 tot en met 10.",
            "en", "Reply with a number from 0 to 10.");

    private SurveyText() {
    }

    static String of(SurveyQuestion survey) {
        if (survey == null || survey.question() == null || survey.question().isBlank()) {
            throw ProviderException.undeliverable("the survey has no question");
        }
        // nl, nl-NL and nl_NL alike
        String language = survey.language() == null ? "en"
                : survey.language().split("[-_]")[0].toLowerCase(Locale.ROOT);
        String howToAnswer = HOW_TO_ANSWER.getOrDefault(language, HOW_TO_ANSWER.get("en"));
        String answer = Stream.of(howToAnswer, survey.commentPrompt()).filter(line -> line != null && !line.isBlank())
                .collect(Collectors.joining("\n"));
        return survey.question() + "\n\n" + answer;
    }
}
