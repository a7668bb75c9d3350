package io.switchboard.adapter.core.survey;

import io.quarkus.arc.properties.IfBuildProperty;
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
 * Publishes customers' survey answers on {@code contacts.feedback}, keyed by survey id so one survey's answers stay
 * in order (a later answer replaces an earlier one), acknowledged like a contact: the returned {@link Uni} fails
 * with the 503 rejection when Kafka did not take it. Built only in the adapters that enable the channel
 * ({@code mp.messaging.outgoing.contacts-feedback.enabled=true}), as {@code AbandonPublisher} is.
 */
@ApplicationScoped
@IfBuildProperty(name = "mp.messaging.outgoing.contacts-feedback.enabled", stringValue = "true")
public class SurveyResponses {

    private final MutinyEmitter<SurveyResponse> emitter;

    public SurveyResponses(@Channel("contacts-feedback") MutinyEmitter<SurveyResponse> emitter) {
        this.emitter = emitter;
    }

    /** All of a webhook's answers, acknowledged together: the provider gets its 2xx only once every one is durable. */
    public Uni<Void> publishAll(List<SurveyResponse> responses) {
        if (responses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(responses.stream().map(this::publish).toList()).andFailFast().replaceWithVoid();
    }

    public Uni<Void> publish(SurveyResponse response) {
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(response.surveyId()).build();
        return emitter.sendMessage(Message.of(response).addMetadata(key))
                .onFailure().transform(WebhookRejectedException::unavailable);
    }
}
