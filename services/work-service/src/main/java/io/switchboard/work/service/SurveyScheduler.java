package io.switchboard.work.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.repository.SurveyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Surveys the customers of completed items on the messaging channels (the phone asks when the call is connected,
 * {@link WorkLifecycle#accept}): every {@code switchboard.survey.interval} it walks the items completed at least
 * {@code delay} ago, a batch per statement, off the agents' path; who is asked is decided in that statement
 * ({@link SurveyRepository}). The surveys go out through the outbox like replies.
 */
@ApplicationScoped
public class SurveyScheduler {

    private static final Logger LOG = Logger.getLogger(SurveyScheduler.class);

    private final SurveyRepository surveys;
    private final SurveyQuestions questions;
    private final SurveySettings settings;
    private final OutboxRelay relay;
    private final Clock clock;

    public SurveyScheduler(SurveyRepository surveys, SurveyQuestions questions, SurveySettings settings,
            OutboxRelay relay, Clock clock) {
        this.surveys = surveys;
        this.questions = questions;
        this.settings = settings;
        this.relay = relay;
        this.clock = clock;
    }

    @Scheduled(every = "${switchboard.survey.interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sendDue() {
        Instant now = clock.instant();
        return sendFrom(now).onFailure().invoke(e -> LOG.warnf("Surveys not sent this time: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> sendFrom(Instant now) {
        return surveys.sendDue(questions.asking(now), now.minus(settings.delay()), settings.batch()).chain(due -> {
            if (due.surveyed() > 0) {
                relay.publishPending();
            }
            return due.looked() == settings.batch() ? sendFrom(now) : Uni.createFrom().voidItem();
        });
    }
}
