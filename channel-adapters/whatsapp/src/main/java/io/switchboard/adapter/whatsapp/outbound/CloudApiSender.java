package io.switchboard.adapter.whatsapp.outbound;

import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.whatsapp.service.WhatsAppContacts;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Answers WhatsApp customers through the Cloud API: from the business number they wrote to (the
 * {@code phoneNumberId} the webhook put in the contact's metadata), as a contextual reply to their latest message,
 * or as an approved template when the work-service asks for one (outside the 24-hour customer-service window).
 */
@ApplicationScoped
public class CloudApiSender implements OutboundSender {

    private static final Logger LOG = Logger.getLogger(CloudApiSender.class);

    private final CloudApi api;
    private final String version;
    private final Optional<String> authorization;

    public CloudApiSender(@RestClient CloudApi api,
            @ConfigProperty(name = "switchboard.whatsapp.api-version") String version,
            @ConfigProperty(name = "switchboard.whatsapp.access-token") Optional<String> accessToken) {
        this.api = api;
        this.version = version;
        this.authorization = accessToken.filter(token -> !token.isBlank()).map(token -> "Bearer " + token);
        if (authorization.isEmpty()) {
            LOG.warn("SWITCHBOARD_WHATSAPP_ACCESS_TOKEN is not set: WhatsApp replies fail until it is (README)");
        }
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        return message.channel() == Channel.WHATSAPP && message.kind() == OutboundKind.REPLY;
    }

    @Override
    public String send(OutboundMessage message) {
        String bearer = authorization.orElseThrow(() -> ProviderException.undeliverable(
                "WhatsApp replies are not configured: set SWITCHBOARD_WHATSAPP_ACCESS_TOKEN"));
        ReplyContext replyTo = message.replyTo();
        String phoneNumberId = replyTo == null ? null : replyTo.metadata().get(WhatsAppContacts.PHONE_NUMBER_ID);
        if (phoneNumberId == null) {
            throw ProviderException.undeliverable("no business number to answer from: the customer's message has no "
                    + WhatsAppContacts.PHONE_NUMBER_ID);
        }
        String to = waId(message);
        CloudApiMessages.Send request = message.templateName() != null
                ? CloudApiMessages.Send.template(to, message.templateName(), message.templateLanguage())
                : CloudApiMessages.Send.text(to, replyTo.providerMessageId(), message.text());
        try {
            return wamid(api.send(version, phoneNumberId, bearer, request));
        } catch (ProcessingException e) {
            throw ProviderException.ofTransportFailure(
                    new IllegalStateException("no answer from the Cloud API: " + e.getMessage(), e));
        }
    }

    /** The wa_id is the customer's number in international format without the plus. */
    private static String waId(OutboundMessage message) {
        String phone = message.customer().phone();
        if (phone == null || phone.isBlank()) {
            throw ProviderException.undeliverable("the customer has no WhatsApp number");
        }
        return phone.startsWith("+") ? phone.substring(1) : phone;
    }

    private static String wamid(CloudApiMessages.Sent sent) {
        String wamid = sent == null || sent.messages() == null || sent.messages().isEmpty() ? null
                : sent.messages().get(0).id();
        if (wamid == null) {
            throw new IllegalStateException("the Cloud API accepted the message without a message id");
        }
        return wamid;
    }
}
