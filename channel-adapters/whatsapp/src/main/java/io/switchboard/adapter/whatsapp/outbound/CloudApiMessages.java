package io.switchboard.adapter.whatsapp.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** The request and response bodies of {@code POST /{version}/{phone-number-id}/messages}, as Meta documents them. */
public final class CloudApiMessages {

    private CloudApiMessages() {
    }

    /** A text or template message to one WhatsApp user, optionally as a contextual reply to their message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Send(String messagingProduct, String recipientType, String to, Context context, String type,
            Text text, Template template) {

        static Send text(String to, String inReplyTo, String body) {
            return new Send("whatsapp", "individual", to, inReplyTo == null ? null : new Context(inReplyTo), "text",
                    new Text(body), null);
        }

        /** Meta shows no contextual bubble over a template, so a template is never sent as a reply. */
        static Send template(String to, String name, String languageCode) {
            return new Send("whatsapp", "individual", to, null, "template", null,
                    new Template(name, new Language(languageCode)));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Context(String messageId) {
    }

    public record Text(String body) {
    }

    public record Template(String name, Language language) {
    }

    public record Language(String code) {
    }

    /** The answer: {@code messages[0].id} is the wamid the status webhooks will name. */
    public record Sent(List<SentMessage> messages) {
    }

    public record SentMessage(String id) {
    }
}
