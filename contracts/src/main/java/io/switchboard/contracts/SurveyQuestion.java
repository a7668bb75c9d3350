package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A satisfaction survey to put to a customer after a completed contact (docs/metrics.md, "Feedback"): how likely
 * they are to recommend the organisation on the scale 0–10, then an optional comment. The work-service writes the
 * texts in the customer's language; the adapter adds what its channel needs (quick replies, a signed link, a keypad
 * prompt) and reports the answer as a {@link SurveyResponse} carrying {@code surveyId}.
 *
 * @param surveyId      the survey's id: quick-reply payloads, signed links and callback URLs carry it
 * @param question      the question, e.g. "How likely are you to recommend us to a friend? 0 = not at all, 10 =
 *                      certainly"
 * @param commentPrompt asks for the optional comment ("What is the main reason for your score?")
 * @param thanks        said or sent once the customer answered
 * @param language      the customer's language ({@code nl}, {@code en}): for texts the adapter adds itself (a mail
 *                      subject, a link page, a speech recogniser's language)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyQuestion(String surveyId, String question, String commentPrompt, String thanks, String language) {

    /** The scale's ends (net promoter score: promoters answer 9–10, detractors 0–6). */
    public static final int LOWEST = 0;
    public static final int HIGHEST = 10;
}
