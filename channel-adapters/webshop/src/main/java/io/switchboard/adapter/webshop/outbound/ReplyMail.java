package io.switchboard.adapter.webshop.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.core.survey.SurveyMail;
import io.switchboard.contracts.OutboundMessage;

import java.util.List;
import java.util.Map;

/**
 * The envelope of a webshop reply, from what the adapter put in the contact's metadata (docs in this module's
 * README): the customer's e-mail address, and the order number or the form's subject for the subject line.
 *
 * @param messageId {@code <replyId@switchboard>}: the same for every attempt at the same reply
 */
record ReplyMail(String to, String subject, String messageId, String text) {

    static ReplyMail of(OutboundMessage message) {
        Map<String, String> metadata = message.replyTo() == null ? Map.of() : message.replyTo().metadata();
        return new ReplyMail(recipient(message), subject(metadata), "<" + message.replyId() + "@switchboard>",
                text(message));
    }

    /**
     * The agent's text, then each attachment as a link under it (with its caption): the adapter does not fetch
     * agents' URLs into the mail, which would make it a fetcher of any address an agent types.
     */
    private static String text(OutboundMessage message) {
        List<String> links = message.attachments().stream().map(attachment -> {
            if (attachment.url() == null) {
                throw ProviderException.undeliverable("a mail can only link an attachment; this " + attachment.type()
                        + " has no URL");
            }
            return attachment.caption() == null ? attachment.url() : attachment.caption() + ": " + attachment.url();
        }).toList();
        return links.isEmpty() ? message.text() : message.text() + "\n\n" + String.join("\n", links);
    }

    /** The address on the contact, else the customer's ({@link SurveyMail#recipient}); without either, undeliverable. */
    static String recipient(OutboundMessage message) {
        return SurveyMail.recipient(message).orElseThrow(() -> ProviderException.undeliverable(
                "no e-mail address is known for customer " + (message.customer() == null ? "?" : message.customer().key())));
    }

    /** Shopify names orders {@code #1001}; WooCommerce numbers them {@code 1001}. */
    private static String subject(Map<String, String> metadata) {
        String order = metadata.get("orderNumber");
        if (order != null) {
            return "Re: your order " + (order.startsWith("#") ? order : "#" + order);
        }
        String subject = metadata.get("subject");
        return subject != null ? "Re: " + subject : "Re: your question to our shop";
    }
}
