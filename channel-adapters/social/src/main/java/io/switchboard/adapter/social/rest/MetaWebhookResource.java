package io.switchboard.adapter.social.rest;

import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.core.webhook.MetaWebhookEndpoint;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.social.service.MetaNotification;
import io.switchboard.adapter.social.service.SocialContacts;
import io.switchboard.contracts.ContactReceived;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** Meta webhooks for page feed, Messenger and Instagram (design §4). */
@Path("/webhooks/meta")
public class MetaWebhookResource extends MetaWebhookEndpoint<MetaNotification> {

    private final SocialContacts contacts;

    public MetaWebhookResource(@ConfigProperty(name = "switchboard.meta.app-secret") String appSecret,
            @ConfigProperty(name = "switchboard.meta.verify-token") String verifyToken, WebhookPayloads payloads,
            ContactPublisher publisher, SocialContacts contacts) {
        super(appSecret, verifyToken, MetaNotification.class, payloads, publisher);
        this.contacts = contacts;
    }

    @Override
    protected List<ContactReceived> contactsOf(MetaNotification notification) {
        return contacts.fromMeta(notification);
    }
}
