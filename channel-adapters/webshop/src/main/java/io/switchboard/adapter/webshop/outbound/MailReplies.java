package io.switchboard.adapter.webshop.outbound;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.Startup;
import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Answers webshop customers (Shopify, WooCommerce and the shop's own form) by e-mail over SMTP, with the order in
 * the subject. The Message-ID derives from the reply id, so a mail that did leave twice is recognisable as one
 * answer, and it is the provider message id of the reply.
 */
@ApplicationScoped
@Startup
public class MailReplies implements OutboundSender {

    /** The provider its statuses name: the mail went out over SMTP, whichever shop the question came from. */
    public static final String PROVIDER = "smtp";
    /** Past this the mail may or may not have left: the reply is UNCONFIRMED, never sent again. */
    private static final Duration SMTP_EXCHANGE = Duration.ofSeconds(60);

    private final ReactiveMailer mailer;
    private final Context mailContext;

    /**
     * The outbound loop calls {@link #send} as an ordered blocking task of its Kafka channel's Vert.x context; the
     * mail client queues its own blocking steps (looking up this host's name for EHLO) as ordered tasks of the
     * caller's context, i.e. behind the very task that waits for the mail. So mails are sent from a context of
     * their own, made at start on a thread without one.
     */
    public MailReplies(ReactiveMailer mailer, Vertx vertx) {
        this.mailer = mailer;
        this.mailContext = vertx.getOrCreateContext();
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
            mailer.send(mail).runSubscriptionOn(task -> mailContext.runOnContext(ignored -> task.run()))
                    .await().atMost(SMTP_EXCHANGE);
        } catch (RuntimeException e) {
            throw SmtpFailures.of(e);
        }
        return reply.messageId();
    }
}
