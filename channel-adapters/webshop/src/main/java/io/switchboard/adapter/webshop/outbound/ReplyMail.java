package io.switchboard.adapter.webshop.outbound;

import io.switchboard.adapter.core.customer.CustomerKeys;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.contracts.OutboundMessage;

import java.util.Map;
import java.util.Optional;

/**
 * The envelope of a webshop reply, from what the adapter put in the contact's metadata (docs in this module's
 * README): the customer's e-mail address, and the order number or the form's subject for the subject line.
 *
 * @param messageId {@code <replyId@switchboard>}: the same for every attempt at the same reply
 */
record ReplyMail(String to, String subject, String messageId) {

    static ReplyMail of(OutboundMessage message) {
        Map<String, String> metadata = message.replyTo() == null ? Map.of() : message.replyTo().metadata();
        String to = CustomerKeys.email(metadata.get("email"))
                .or(() -> Optional.ofNullable(message.customer()).flatMap(customer -> CustomerKeys.email(customer.email())))
                .orElseThrow(() -> ProviderException.undeliverable("no e-mail address is known for customer "
                        + (message.customer() == null ? "?" : message.customer().key())));
        return new ReplyMail(to, subject(metadata), "<" + message.replyId() + "@switchboard>");
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
