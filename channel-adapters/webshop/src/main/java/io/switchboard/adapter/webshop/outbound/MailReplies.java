package io.switchboard.adapter.webshop.outbound;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers webshop customers (Shopify, WooCommerce and the shop's own form) by e-mail over SMTP, with the order in
 * the subject. The Message-ID derives from the reply id, so a mail that did leave twice is recognisable as one
 * answer, and it is the provider message id of the reply.
 */
@ApplicationScoped
public class MailReplies implements OutboundSender {

    private final Mailer mailer;

    public MailReplies(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        return message.channel() == Channel.WEBSHOP;
    }

    @Override
    public String send(OutboundMessage message) {
        if (message.kind() != OutboundKind.REPLY) {
            throw ProviderException.undeliverable("a webshop customer is answered by e-mail; there is no one to "
                    + "connect an agent to (" + message.kind() + ")");
        }
        ReplyMail reply = ReplyMail.of(message);
        try {
            mailer.send(Mail.withText(reply.to(), reply.subject(), message.text())
                    .addHeader("Message-ID", reply.messageId()));
        } catch (RuntimeException e) {
            throw SmtpFailures.of(e);
        }
        return reply.messageId();
    }
}
