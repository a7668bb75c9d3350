package io.switchboard.adapter.whatsapp.outbound;

import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.whatsapp.service.WhatsAppContacts;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers WhatsApp customers through the Cloud API: from the business number they wrote to (the
 * {@code phoneNumberId} the webhook put in the contact's metadata), as a contextual reply to their latest message,
 * or as an approved template when the work-service asks for one (outside the 24-hour customer-service window).
 * Attachments go as media messages by link, the text as the first one's caption. A survey is a text message
 * ({@link SurveyText}), sent only within the 24-hour window: a template would need Meta's approval of every text.
 */
@ApplicationScoped
public class CloudApiSender implements OutboundSender {

    /** Meta's customer-service window: free-form messages within 24 hours of the customer's last message. */
    static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(24);
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
        return message.channel() == Channel.WHATSAPP
                && (message.kind() == OutboundKind.REPLY || message.kind() == OutboundKind.SURVEY);
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
        List<CloudApiMessages.Send> requests = requests(message, waId(message), replyTo);
        String first = wamid(post(phoneNumberId, bearer, requests.get(0)));
        for (int i = 1; i < requests.size(); i++) {
            try {
                post(phoneNumberId, bearer, requests.get(i));
            } catch (ProviderException e) {
                // A retry would send the messages before it again: the agent is told what arrived instead.
                throw new ProviderException(e.status(), "sent " + i + " of " + requests.size() + " messages (the first "
                        + first + "), then: " + e.getMessage(), false);
            }
        }
        return first;
    }

    private static List<CloudApiMessages.Send> requests(OutboundMessage message, String to, ReplyContext replyTo) {
        if (message.kind() == OutboundKind.SURVEY) {
            requireWindowOpen(replyTo.receivedAt());
            return List.of(CloudApiMessages.Send.text(to, null, SurveyText.of(message.survey())));
        }
        if (message.templateName() != null) {
            if (!message.attachments().isEmpty()) {
                throw ProviderException.undeliverable("a template carries no attachments; send them in a reply");
            }
            return List.of(CloudApiMessages.Send.template(to, message.templateName(), message.templateLanguage()));
        }
        return replyMessages(message, to, replyTo.providerMessageId());
    }

    /**
     * The text, then each attachment; the text goes as the first attachment's caption where it takes one, and only
     * the first message is a contextual reply.
     */
    private static List<CloudApiMessages.Send> replyMessages(OutboundMessage message, String to, String inReplyTo) {
        String text = message.text() == null || message.text().isBlank() ? null : message.text();
        List<Attachment> attachments = message.attachments();
        if (text == null && attachments.isEmpty()) {
            throw ProviderException.undeliverable("the reply has no text");
        }
        List<CloudApiMessages.Send> requests = new ArrayList<>();
        boolean textAsCaption = !attachments.isEmpty() && CloudApiMessages.Send.takesCaption(attachments.get(0));
        if (text != null && !textAsCaption) {
            requests.add(CloudApiMessages.Send.text(to, inReplyTo, text));
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            if (attachment.url() == null || attachment.url().isBlank()) {
                throw ProviderException.undeliverable("an attachment has no url for WhatsApp to fetch it from");
            }
            String caption = i == 0 && textAsCaption && text != null ? text : attachment.caption();
            requests.add(CloudApiMessages.Send.media(to, requests.isEmpty() ? inReplyTo : null, attachment, caption));
        }
        return requests;
    }

    private static void requireWindowOpen(Instant customersLastMessage) {
        Instant closes = customersLastMessage == null ? null : customersLastMessage.plus(CUSTOMER_SERVICE_WINDOW);
        if (closes != null && !closes.isAfter(Instant.now())) {
            throw ProviderException.undeliverable("window closed: a survey is free text, which WhatsApp accepts only "
                    + "within 24 hours of the customer's last message; that ended at " + closes);
        }
    }

    private CloudApiMessages.Sent post(String phoneNumberId, String bearer, CloudApiMessages.Send request) {
        try {
            return api.send(version, phoneNumberId, bearer, request);
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
