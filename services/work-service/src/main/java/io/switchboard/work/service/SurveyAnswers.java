package io.switchboard.work.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.SurveyResponse;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.repository.SurveyRepository;
import io.switchboard.work.repository.SurveyRepository.Answer;
import io.switchboard.work.repository.SurveyRepository.Answered;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Customers' answers to surveys, as the adapters report them on {@code contacts.feedback}: the first score is kept
 * and a later comment completes it; a detractor's comment opens one follow-up for the back office. An answer is
 * never new work otherwise.
 */
@ApplicationScoped
public class SurveyAnswers {

    private final SurveyRepository surveys;
    private final SurveyQuestions questions;
    private final Pool pool;
    private final OutboxRelay relay;
    private final WorkMetrics metrics;
    private final Clock clock;

    public SurveyAnswers(SurveyRepository surveys, SurveyQuestions questions, Pool pool, OutboxRelay relay,
            WorkMetrics metrics, Clock clock) {
        this.surveys = surveys;
        this.questions = questions;
        this.pool = pool;
        this.relay = relay;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the survey id is not one this service could have made */
    public Uni<Answered> record(SurveyResponse response) {
        Answer answer = new Answer(UUID.fromString(response.surveyId()), response.score(),
                comment(response.comment()), response.answeredAt() != null ? response.answeredAt() : clock.instant(),
                response.eventId());
        return surveys.answer(pool, answer, questions.followUp(), clock.instant()).invoke(answered -> {
            metrics.surveyAnswer(answered.outcome().name().toLowerCase(Locale.ROOT));
            if (answered.outcome() == SurveyRepository.Outcome.RECORDED) {
                relay.publishPending();
            }
        });
    }

    /** A blank comment is none. */
    static String comment(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
