package io.switchboard.work.service;

import io.switchboard.contracts.Channel;
import io.switchboard.work.model.ConversationMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The providers' rules for when an agent may still answer, checked before a reply is stored, so that the agent learns
 * at once rather than from a failed delivery: calls and store visits take no text; WhatsApp takes free text for
 * {@code whatsapp-window} (24 h) after the customer's last message and an approved template after that; Messenger
 * and Instagram direct messages take an answer for {@code meta-direct-window} (7 days, the HUMAN_AGENT tag).
 * Public comments and posts have no window.
 */
@ApplicationScoped
public class ReplyWindows {

    private static final Set<String> META_PROVIDERS = Set.of("facebook", "instagram");

    private final WorkSettings settings;

    public ReplyWindows(WorkSettings settings) {
        this.settings = settings;
    }

    /**
     * Refuses a reply on {@code channel} whose customer last wrote {@code latest} (null when the conversation has no
     * inbound message), or returns normally.
     */
    public void check(Channel channel, ConversationMessage latest, String templateName, Instant now) {
        if (channel == Channel.PHONE || channel == Channel.STORE) {
            throw WorkRequestRejected.notATextChannel("a " + channel + " item is answered in person: accepting it"
                    + " connects the customer to the agent, and it takes no text reply");
        }
        if (templateName != null && channel != Channel.WHATSAPP) {
            throw WorkRequestRejected.invalid("message templates are WhatsApp's; a " + channel
                    + " reply is text (leave templateName out)");
        }
        if (latest == null) {
            return;
        }
        Duration since = Duration.between(latest.at(), now);
        if (channel == Channel.WHATSAPP && templateName == null && since.compareTo(settings.whatsappWindow()) > 0) {
            throw WorkRequestRejected.windowClosed("the customer last wrote " + since.toHours() + " h ago; WhatsApp"
                    + " allows free text for " + settings.whatsappWindow().toHours() + " h after the customer's last"
                    + " message: send an approved template instead (templateName, templateLanguage)");
        }
        if (channel == Channel.SOCIAL && !Boolean.TRUE.equals(latest.publicPost())
                && META_PROVIDERS.contains(latest.provider()) && since.compareTo(settings.metaDirectWindow()) > 0) {
            throw WorkRequestRejected.windowClosed("the customer last wrote " + since.toDays() + " days ago; "
                    + latest.provider() + " accepts an agent's answer to a direct message for "
                    + settings.metaDirectWindow().toDays() + " days (the HUMAN_AGENT tag)");
        }
    }
}
