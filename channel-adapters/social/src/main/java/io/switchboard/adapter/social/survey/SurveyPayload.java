package io.switchboard.adapter.social.survey;

import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.contracts.SurveyQuestion;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What a survey's quick reply carries back: {@code SURVEY:<surveyId>:<score>}, Messenger's and Instagram's
 * {@code quick_reply.payload} and X's {@code quick_reply_response.metadata}. The webhook tells the answer from a
 * contact by the prefix alone, so a malformed answer is still recognised as one and kept unmapped, never turned into
 * work.
 */
public record SurveyPayload(String surveyId, int score) {

    public static final String PREFIX = "SURVEY:";

    /** One quick reply per point of the scale, 0 to 10. */
    public static List<SurveyPayload> scale(String surveyId) {
        return IntStream.rangeClosed(SurveyQuestion.LOWEST, SurveyQuestion.HIGHEST)
                .mapToObj(score -> new SurveyPayload(surveyId, score)).toList();
    }

    /** Whether a quick reply's payload (null for an ordinary message) answers a survey. */
    public static boolean isAnswer(String payload) {
        return payload != null && payload.startsWith(PREFIX);
    }

    /** @throws UnmappableException when the payload has no survey id or no score 0–10 */
    public static SurveyPayload parse(String payload) {
        int colon = payload.lastIndexOf(':');
        String surveyId = colon < PREFIX.length() ? "" : payload.substring(PREFIX.length(), colon);
        if (surveyId.isBlank()) {
            throw UnmappableException.invalidValue("survey answer '" + payload + "' names no survey");
        }
        String score = payload.substring(colon + 1);
        if (!score.matches("\\d{1,2}") || Integer.parseInt(score) > SurveyQuestion.HIGHEST) {
            throw UnmappableException.invalidValue("survey answer '" + payload + "' has no score from "
                    + SurveyQuestion.LOWEST + " to " + SurveyQuestion.HIGHEST);
        }
        return new SurveyPayload(surveyId, Integer.parseInt(score));
    }

    /** The quick reply's label: the score itself. */
    public String label() {
        return Integer.toString(score);
    }

    public String encode() {
        return PREFIX + surveyId + ":" + score;
    }
}
