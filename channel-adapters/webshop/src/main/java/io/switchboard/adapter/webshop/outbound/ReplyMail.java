package io.switchboard.adapter.webshop.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.core.survey.SurveyMail;
import io.switchboard.contracts.OutboundMessage;

import java.util.Map;

/**
 * The envelope of a webshop reply, from what the adapter put in the contact's metadata (docs in this module's
 * README): the customer's e-mail address, and the order number or the form's subject for the subject line.
 *
 * @param messageId {@code <replyId@switchboard>}: the same for every attempt at the same reply
 */
record ReplyMail(String to, String subject, String messageId) {

    static ReplyMail of(OutboundMessage message) {
        Map<String, String> metadata = message.replyTo() == null ? Map.of() : message.replyTo().metadata();
        return new ReplyMail(recipient(message), subject(metadata), "<" + message.replyId() + "@switchboard>");
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
