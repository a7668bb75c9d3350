package io.switchboard.adapter.social.service;

import io.switchboard.adapter.core.webhook.ProviderTime;
import io.switchboard.adapter.social.survey.SurveyPayload;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.contracts.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * The survey answers in a webhook: a quick reply the customer tapped under a survey (Messenger and Instagram
 * {@code quick_reply.payload}, X {@code quick_reply_response.metadata}, {@link SurveyPayload}) is a
 * {@link SurveyResponse} for {@code contacts.feedback}, never a contact ({@link SocialContacts} skips it). Mapped
 * eagerly: a malformed answer throws, and the whole delivery is kept unmapped before anything is published.
 */
@ApplicationScoped
public class SurveyAnswers {

    public List<SurveyResponse> fromMeta(MetaNotification notification) {
        String provider = "instagram".equals(notification.object()) ? "instagram" : "facebook";
        List<SurveyResponse> answers = new ArrayList<>();
        for (MetaNotification.Entry entry : listOf(notification.entry())) {
            for (MetaNotification.Messaging event : listOf(entry.messaging())) {
                MetaNotification.Message message = event.message();
                if (message != null && SurveyPayload.isAnswer(message.quickReplyPayload())) {
                    answers.add(answer(SurveyPayload.parse(message.quickReplyPayload()), provider,
                            require(message.mid(), "entry[].messaging[].message.mid"),
                            ProviderTime.of(event.timestamp(), Instant.now())));
                }
            }
        }
        return answers;
    }

    public List<SurveyResponse> fromX(XActivity activity) {
        List<SurveyResponse> answers = new ArrayList<>();
        for (XActivity.DirectMessage message : listOf(activity.directMessageEvents())) {
            XActivity.MessageData data = message.messageCreate() == null ? null : message.messageCreate().messageData();
            if (data != null && SurveyPayload.isAnswer(data.quickReplyMetadata())) {
                answers.add(answer(SurveyPayload.parse(data.quickReplyMetadata()), "x",
                        require(message.id(), "direct_message_events[].id"),
                        ProviderTime.of(message.createdTimestamp(), Instant.now())));
            }
        }
        return answers;
    }

    /** The event id is derived from the answering message, so a redelivered webhook gives the same event. */
    private static SurveyResponse answer(SurveyPayload payload, String provider, String messageId, Instant at) {
        return new SurveyResponse(SurveyResponse.SCHEMA_VERSION, ContactIds.of(Channel.SOCIAL, messageId + "#survey"),
                payload.surveyId(), Channel.SOCIAL, payload.score(), null, provider, messageId, at);
    }

    private static <T> List<T> listOf(List<T> list) {
        return Objects.requireNonNullElse(list, List.of());
    }
}
