package io.switchboard.adapter.whatsapp.rest;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.publish.ContactPublisher;
import io.switchboard.adapter.core.signature.WebhookSecret;
import io.switchboard.adapter.core.unmapped.SignedDeliveries;
import io.switchboard.adapter.core.webhook.MetaWebhookEndpoint;
import io.switchboard.adapter.core.webhook.WebhookPayloads;
import io.switchboard.adapter.whatsapp.service.WhatsAppContacts;
import io.switchboard.adapter.whatsapp.service.WhatsAppNotification;
import io.switchboard.adapter.whatsapp.service.WhatsAppStatuses;
import io.switchboard.contracts.ContactReceived;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * The WhatsApp Business Cloud API webhook (docs/architecture.md §4): the Meta handshake and signed notifications,
 * whose customer messages become contacts and whose statuses update Switchboard's replies. Created at start, so a
 * missing secret stops the adapter there.
 */
@Path(WhatsAppWebhookResource.ENDPOINT)
@Singleton
@Startup
public class WhatsAppWebhookResource extends MetaWebhookEndpoint<WhatsAppNotification> {

    static final String ENDPOINT = "/webhooks/whatsapp";

    private final WhatsAppContacts contacts;
    private final WhatsAppStatuses statuses;

    public WhatsAppWebhookResource(@ConfigProperty(name = "switchboard.meta.app-secret") Optional<String> appSecret,
            @ConfigProperty(name = "switchboard.whatsapp.verify-token") Optional<String> verifyToken,
            WebhookPayloads payloads, ContactPublisher publisher, SignedDeliveries deliveries, WhatsAppContacts contacts,
            WhatsAppStatuses statuses) {
        super(ENDPOINT, WhatsAppContacts.PROVIDER, WebhookSecret.required(appSecret, "SWITCHBOARD_META_APP_SECRET"),
                WebhookSecret.required(verifyToken, "SWITCHBOARD_WHATSAPP_VERIFY_TOKEN"), WhatsAppNotification.class,
                payloads, publisher, deliveries);
        this.contacts = contacts;
        this.statuses = statuses;
    }

    @Override
    protected List<ContactReceived> contactsOf(WhatsAppNotification notification) {
        return contacts.contactsOf(notification);
    }

    @Override
    protected Uni<Void> publishStatuses(WhatsAppNotification notification) {
        return statuses.publish(notification);
    }
}
