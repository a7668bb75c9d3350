package io.switchboard.adapter.social.survey;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.contracts.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * Publishes survey answers on {@code contacts.feedback}, keyed by survey id, acknowledged like a contact
 * (acks=all): the webhook is answered 200 only once every answer in it is durable, else 503 and the provider
 * delivers it again (the event id is derived from the answering message, so that redelivery is recognisable).
 */
@ApplicationScoped
public class FeedbackPublisher {

    private final MutinyEmitter<SurveyResponse> emitter;

    public FeedbackPublisher(@Channel("contacts-feedback") MutinyEmitter<SurveyResponse> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publishAll(List<SurveyResponse> answers) {
        if (answers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(answers.stream().map(this::publish).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> publish(SurveyResponse answer) {
        return emitter.sendMessage(Message.of(answer)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(answer.surveyId()).build()))
                .onFailure().transform(WebhookRejectedException::unavailable);
    }
}
