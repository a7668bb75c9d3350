package io.switchboard.adapter.whatsapp.rest;

import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.core.webhook.MetaWebhookEndpoint;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.whatsapp.service.WhatsAppContacts;
import io.switchboard.adapter.whatsapp.service.WhatsAppNotification;
import io.switchboard.contracts.ContactReceived;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** The WhatsApp Business Cloud API webhook (design §4): the Meta handshake and signed notifications. */
@Path("/webhooks/whatsapp")
public class WhatsAppWebhookResource extends MetaWebhookEndpoint<WhatsAppNotification> {

    private final WhatsAppContacts contacts;

    public WhatsAppWebhookResource(@ConfigProperty(name = "switchboard.meta.app-secret") String appSecret,
            @ConfigProperty(name = "switchboard.whatsapp.verify-token") String verifyToken,
            WebhookPayloads payloads, ContactPublisher publisher, WhatsAppContacts contacts) {
        super(appSecret, verifyToken, WhatsAppNotification.class, payloads, publisher);
        this.contacts = contacts;
    }

    @Override
    protected List<ContactReceived> contactsOf(WhatsAppNotification notification) {
        return contacts.contactsOf(notification);
    }
}
