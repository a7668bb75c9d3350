package io.switchboard.work.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.SurveyResponse;
import io.switchboard.work.repository.SurveyRepository;
import io.switchboard.work.service.SurveyAnswers;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Survey answers from {@code contacts.feedback} (quick replies, post-call keypad or speech, signed-link forms), one
 * record at a time: little traffic, and a score and its later comment share a key (the survey id), so they come in
 * order. Acknowledged after the database committed; unreadable records are dead-lettered.
 */
@ApplicationScoped
public class FeedbackConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackConsumer.class);

    private final SurveyAnswers answers;
    private final DatabaseRetry retry;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    public FeedbackConsumer(SurveyAnswers answers, DatabaseRetry retry, DeadLetters deadLetters, ObjectMapper mapper) {
        this.answers = answers;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming("contacts-feedback")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        SurveyResponse response;
        try {
            response = mapper.readValue(record.value() == null ? "null" : record.value(), SurveyResponse.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return deadLetters.send(record, new IllegalArgumentException("not a SurveyResponse: " + e.getMessage(), e));
        }
        if (response == null || response.eventId() == null || response.surveyId() == null
                || (response.score() == null && response.comment() == null)) {
            return deadLetters.send(record, new IllegalArgumentException(
                    "not a SurveyResponse with eventId, surveyId and a score or comment"));
        }
        return retry.run("Survey answer " + response.eventId(), () -> answers.record(response))
                .invoke(answered -> {
                    if (answered.outcome() == SurveyRepository.Outcome.UNKNOWN) {
                        LOG.warnf("Survey answer %s names survey %s, which this service does not know",
                                response.eventId(), response.surveyId());
                    }
                })
                .replaceWithVoid()
                .onFailure(DatabaseRetry::isPermanent)
                .recoverWithUni(e -> deadLetters.send(record, e));
    }
}
