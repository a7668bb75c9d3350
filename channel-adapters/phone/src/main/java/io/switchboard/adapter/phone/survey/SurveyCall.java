package io.switchboard.adapter.phone.survey;

import io.switchboard.adapter.phone.service.VoicePrompts.Language;
import io.switchboard.contracts.SurveyQuestion;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The post-call survey as it travels through the call: the adapter keeps no state, so the {@code <Dial action>} and
 * each {@code <Gather action>} carry the survey id and the work-service's texts as URL parameters. Twilio signs the
 * URL it calls, so what comes back is what the adapter wrote.
 *
 * @param commentPrompt asks for the optional comment; null: no comment is asked for
 */
public record SurveyCall(String surveyId, Language language, String question, String commentPrompt, String thanks) {

    public static SurveyCall of(SurveyQuestion survey) {
        return new SurveyCall(survey.surveyId(), Language.fromCode(survey.language()), survey.question(),
                survey.commentPrompt(), survey.thanks());
    }

    /** The survey from a callback URL's parameters; empty when the URL carries none. */
    public static Optional<SurveyCall> from(UnaryOperator<String> query) {
        String surveyId = query.apply("surveyId");
        if (surveyId == null || surveyId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SurveyCall(surveyId, Language.fromCode(query.apply("lang")), query.apply("question"),
                query.apply("comment"), query.apply("thanks")));
    }

    /** URL parameters ({@code surveyId=…&lang=…&question=…}) that {@link #from} reads back. */
    public String query() {
        StringBuilder query = new StringBuilder("surveyId=").append(encode(surveyId))
                .append("&lang=").append(language.code());
        append(query, "question", question);
        append(query, "comment", commentPrompt);
        append(query, "thanks", thanks);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
