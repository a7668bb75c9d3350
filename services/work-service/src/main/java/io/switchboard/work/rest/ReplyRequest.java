package io.switchboard.work.rest;

import io.switchboard.contracts.Attachment;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * @param text             what the agent writes; may be left out when a template is sent
 * @param attachments      references to media the adapter sends along (a {@code url} the provider fetches, or a
 *                         {@code providerMediaId} already uploaded to the provider)
 * @param templateName     an approved WhatsApp message template, for answers outside the 24-hour window
 * @param templateLanguage the template's language code, e.g. {@code nl} or {@code en_US}
 * @param privateReply     answer a public comment in private (Messenger and Instagram private replies)
 */
public record ReplyRequest(
        @Size(max = 4096) String text,
        List<Attachment> attachments,
        @Size(max = 200) String templateName,
        @Size(max = 20) String templateLanguage,
        boolean privateReply) {

    public ReplyRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @AssertTrue(message = "a reply needs text, an attachment or a templateName")
    public boolean isSaysSomething() {
        return (text != null && !text.isBlank()) || !attachments.isEmpty()
                || (templateName != null && !templateName.isBlank());
    }
}
