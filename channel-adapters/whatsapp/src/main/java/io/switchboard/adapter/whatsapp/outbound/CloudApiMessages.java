package io.switchboard.adapter.whatsapp.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.contracts.Attachment;

import java.net.URI;
import java.util.List;

/** The request and response bodies of {@code POST /{version}/{phone-number-id}/messages}, as Meta documents them. */
public final class CloudApiMessages {

    private CloudApiMessages() {
    }

    /**
     * A text, template or media message to one WhatsApp user, optionally as a contextual reply to their message;
     * {@code type} names the one of {@code text}, {@code template}, {@code image}, {@code document}, {@code audio},
     * {@code video} that is set.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Send(String messagingProduct, String recipientType, String to, Context context, String type,
            Text text, Template template, Media image, Media document, Media audio, Media video) {

        static Send text(String to, String inReplyTo, String body) {
            return new Send("whatsapp", "individual", to, context(inReplyTo), "text", new Text(body), null, null, null,
                    null, null);
        }

        /** Meta shows no contextual bubble over a template, so a template is never sent as a reply. */
        static Send template(String to, String name, String languageCode) {
            return new Send("whatsapp", "individual", to, null, "template", null,
                    new Template(name, new Language(languageCode)), null, null, null, null);
        }

        /**
         * Media by link, which Meta fetches: image, video or audio by the attachment's content type, any other file
         * as a document under the file name of its link. Audio takes no caption.
         */
        static Send media(String to, String inReplyTo, Attachment attachment, String caption) {
            String type = mediaType(attachment);
            Media media = new Media(attachment.url(), "audio".equals(type) ? null : caption,
                    "document".equals(type) ? fileName(attachment.url()) : null);
            return new Send("whatsapp", "individual", to, context(inReplyTo), type, null, null,
                    "image".equals(type) ? media : null, "document".equals(type) ? media : null,
                    "audio".equals(type) ? media : null, "video".equals(type) ? media : null);
        }

        static boolean takesCaption(Attachment attachment) {
            return !"audio".equals(mediaType(attachment));
        }

        private static String mediaType(Attachment attachment) {
            String contentType = attachment.mimeType() == null ? "" : attachment.mimeType();
            return List.of("image", "video", "audio").stream().filter(type -> contentType.startsWith(type + "/"))
                    .findFirst().orElse("document");
        }

        private static String fileName(String link) {
            String path = URI.create(link).getPath();
            String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            return name.isEmpty() ? null : name;
        }

        private static Context context(String inReplyTo) {
            return inReplyTo == null ? null : new Context(inReplyTo);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Media(String link, String caption, String filename) {
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
