package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A customer's answer to a {@link SurveyQuestion}, published by the adapter that received it on
 * {@link Topics#CONTACTS_FEEDBACK}, keyed by {@code surveyId}: a quick reply on Messenger, Instagram or X, the
 * keypad or speech of a post-call survey, the form behind a signed link. The work-service links it to the contact
 * that was surveyed; an answer is never new work, except a low score whose comment is a complaint, which opens a
 * follow-up for the back office. An answer typed as free text (WhatsApp) arrives as an ordinary contact and is
 * recognised by the work-service.
 *
 * @param eventId           unique per answer, so redeliveries are recognisable
 * @param score             0–10; null when the customer only commented
 * @param comment           the customer's own words, if any
 * @param provider          the provider that carried the answer, e.g. {@code messenger}, {@code twilio}, {@code link}
 * @param providerMessageId the provider's id of the answering message or call, where there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyResponse(
        int schemaVersion,
        String eventId,
        String surveyId,
        Channel channel,
        Integer score,
        String comment,
        String provider,
        String providerMessageId,
        Instant answeredAt) {

    public static final int SCHEMA_VERSION = 1;

    public SurveyResponse {
        if (score != null && (score < SurveyQuestion.LOWEST || score > SurveyQuestion.HIGHEST)) {
            throw new IllegalArgumentException("a survey score is 0–10, not " + score);
        }
    }
}
