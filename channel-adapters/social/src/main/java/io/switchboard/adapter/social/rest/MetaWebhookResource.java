package io.switchboard.adapter.social.rest;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.core.signature.WebhookSecret;
import io.switchboard.adapter.core.survey.SurveyResponses;
import io.switchboard.adapter.core.unmapped.SignedDeliveries;
import io.switchboard.adapter.core.webhook.MetaWebhookEndpoint;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.social.service.MetaNotification;
import io.switchboard.adapter.social.service.SocialReceipts;
import io.switchboard.adapter.social.service.SocialContacts;
import io.switchboard.adapter.social.service.SurveyAnswers;
import io.switchboard.contracts.ContactReceived;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Meta webhooks for page feed, group feed, Messenger and Instagram (docs/architecture.md §4): customers' messages
 * and comments, the receipts of the replies sent to them and the survey answers tapped under a survey. Created at start, so a missing secret stops the
 * adapter there.
 */
@Path(MetaWebhookResource.ENDPOINT)
@Singleton
@Startup
public class MetaWebhookResource extends MetaWebhookEndpoint<MetaNotification> {

    static final String ENDPOINT = "/webhooks/meta";

    private final SocialContacts contacts;
    private final SocialReceipts receipts;
    private final SurveyAnswers surveyAnswers;
    private final SurveyResponses feedback;

    public MetaWebhookResource(@ConfigProperty(name = "switchboard.meta.app-secret") Optional<String> appSecret,
            @ConfigProperty(name = "switchboard.meta.verify-token") Optional<String> verifyToken,
            WebhookPayloads payloads, ContactPublisher publisher, SignedDeliveries deliveries, SocialContacts contacts,
            SocialReceipts receipts, SurveyAnswers surveyAnswers, SurveyResponses feedback) {
        super(ENDPOINT, "meta", WebhookSecret.required(appSecret, "SWITCHBOARD_META_APP_SECRET"),
                WebhookSecret.required(verifyToken, "SWITCHBOARD_WHATSAPP_VERIFY_TOKEN"), MetaNotification.class,
                payloads, publisher, deliveries);
        this.contacts = contacts;
        this.receipts = receipts;
        this.surveyAnswers = surveyAnswers;
        this.feedback = feedback;
    }

    @Override
    protected List<ContactReceived> contactsOf(MetaNotification notification) {
        return contacts.fromMeta(notification);
    }

    /**
     * Delivery and read receipts of the replies Switchboard sent, and survey answers on contacts.feedback: durable
     * before the 200 like the contacts. Both are mapped here, before anything is published.
     */
    @Override
    protected Uni<Void> publishStatuses(MetaNotification notification) {
        Uni<Void> answers = feedback.publishAll(surveyAnswers.fromMeta(notification));
        Uni<Void> statuses = receipts.publish(notification);
        return answers.chain(() -> statuses);
    }
}
