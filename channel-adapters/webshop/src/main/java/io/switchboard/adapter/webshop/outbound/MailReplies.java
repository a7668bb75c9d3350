package io.switchboard.adapter.webshop.outbound;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Answers webshop customers (Shopify, WooCommerce and the shop's own form) by e-mail over SMTP, with the order in
 * the subject. The Message-ID derives from the reply id, so a mail that did leave twice is recognisable as one
 * answer, and it is the provider message id of the reply.
 */
@ApplicationScoped
public class MailReplies implements OutboundSender {

    /** The provider its statuses name: the mail went out over SMTP, whichever shop the question came from. */
    public static final String PROVIDER = "smtp";
    /** Past this the mail may or may not have left: the reply is UNCONFIRMED, never sent again. */
    private static final Duration SMTP_EXCHANGE = Duration.ofSeconds(60);

    private final ReactiveMailer mailer;

    public MailReplies(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        return message.channel() == Channel.WEBSHOP;
    }

    @Override
    public String provider(OutboundMessage message) {
        return PROVIDER;
    }

    @Override
    public String send(OutboundMessage message) {
        if (message.kind() != OutboundKind.REPLY) {
            throw ProviderException.undeliverable("a webshop customer is answered by e-mail; there is no one to "
                    + "connect an agent to (" + message.kind() + ")");
        }
        ReplyMail reply = ReplyMail.of(message);
        Mail mail = Mail.withText(reply.to(), reply.subject(), message.text()).addHeader("Message-ID", reply.messageId());
        try {
            // Started from a worker thread of its own: the outbound loop's thread belongs to an ordered Vert.x
            // context, on which the mail client would queue its SMTP replies behind the very task waiting for them.
            mailer.send(mail).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).await().atMost(SMTP_EXCHANGE);
        } catch (RuntimeException e) {
            throw SmtpFailures.of(e);
        }
        return reply.messageId();
    }
}
