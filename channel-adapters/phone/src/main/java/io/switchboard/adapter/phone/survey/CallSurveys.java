package io.switchboard.adapter.phone.survey;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.survey.SurveyResponses;
import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.adapter.phone.service.PhoneCalls;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * The caller's answers to the post-call survey, each a {@link SurveyResponse} on {@code contacts.feedback} keyed by
 * survey id (provider {@code twilio}, the call's {@code CallSid}), acknowledged like a contact: the webhook gets its
 * 2xx only once Kafka has it, a 503 otherwise. The event id derives from the survey and the step, so a
 * redelivered callback is the same answer.
 */
@ApplicationScoped
public class CallSurveys {

    private final SurveyResponses responses;

    public CallSurveys(SurveyResponses responses) {
        this.responses = responses;
    }

    /** The score the caller pressed or said; an answer that is no score publishes nothing (they are asked again). */
    public Uni<Void> scored(Map<String, List<String>> call, String surveyId) {
        String callSid = require(PhoneCalls.param(call, "CallSid"), "CallSid");
        require(surveyId, "surveyId of the <Gather action> URL");
        return SurveyScore.of(PhoneCalls.param(call, "Digits"), PhoneCalls.param(call, "SpeechResult"))
                .map(score -> publish(surveyId, "score", score, null, callSid))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** The caller's comment, with the score given before it so the answer is whole; silence publishes nothing. */
    public Uni<Void> commented(Map<String, List<String>> call, String surveyId, String score) {
        String callSid = require(PhoneCalls.param(call, "CallSid"), "CallSid");
        require(surveyId, "surveyId of the <Gather action> URL");
        Integer given = SurveyScore.of(require(score, "score of the <Gather action> URL"), null).orElseThrow(
                () -> UnmappableException.invalidValue("score '" + score + "' is not 0–10"));
        String comment = PhoneCalls.param(call, "SpeechResult");
        return comment == null || comment.isBlank() ? Uni.createFrom().voidItem()
                : publish(surveyId, "comment", given, comment, callSid);
    }

    private Uni<Void> publish(String surveyId, String step, Integer score, String comment, String callSid) {
        String eventId = UUID.nameUUIDFromBytes(("twilio:survey:" + surveyId + ':' + step)
                .getBytes(StandardCharsets.UTF_8)).toString();
        SurveyResponse answer = new SurveyResponse(SurveyResponse.SCHEMA_VERSION, eventId, surveyId, Channel.PHONE,
                score, comment, PhoneCalls.PROVIDER, callSid, Instant.now());
        return responses.publish(answer);
    }
}
