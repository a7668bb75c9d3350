package io.switchboard.adapter.webshop.outbound;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.Startup;
import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.core.survey.SurveyLinks;
import io.switchboard.adapter.core.survey.SurveyMail;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundMessage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Answers webshop customers (Shopify, WooCommerce and the shop's own form, unless the shop has a reply webhook for
 * it: {@link FormReplyWebhook}) by e-mail over SMTP, with the order in the subject, and mails them their surveys
 * (the question and eleven signed score links, {@link SurveyMail}). The Message-ID derives from the reply id, so a
 * mail that did leave twice is recognisable as one answer, and it is the provider message id of the reply.
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
    private final SurveyLinks links;
    private final FormReplyWebhook formReplies;

    /**
     * The outbound loop calls {@link #send} as an ordered blocking task of its Kafka channel's Vert.x context; the
     * mail client queues its own blocking steps (looking up this host's name for EHLO) as ordered tasks of the
     * caller's context, i.e. behind the very task that waits for the mail. So mails are sent from a context of
     * their own, made at start on a thread without one.
     */
    public MailReplies(ReactiveMailer mailer, Vertx vertx, SurveyLinks links, FormReplyWebhook formReplies) {
        this.mailer = mailer;
        this.mailContext = vertx.getOrCreateContext();
        this.links = links;
        this.formReplies = formReplies;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        return message.channel() == Channel.WEBSHOP && !formReplies.delivers(message);
    }

    @Override
    public String provider(OutboundMessage message) {
        return PROVIDER;
    }

    @Override
    public String send(OutboundMessage message) {
        return switch (message.kind()) {
            case REPLY -> {
                ReplyMail reply = ReplyMail.of(message);
                yield mail(Mail.withText(reply.to(), reply.subject(), reply.text()), reply.messageId());
            }
            case SURVEY -> {
                SurveyMail survey = SurveyMail.of(message, ReplyMail.recipient(message), links);
                yield mail(Mail.withHtml(survey.to(), survey.subject(), survey.html()).setText(survey.text()),
                        survey.messageId());
            }
            default -> throw ProviderException.undeliverable("a webshop customer is answered by e-mail; there is no "
                    + "one to connect an agent to (" + message.kind() + ")");
        };
    }

    private String mail(Mail mail, String messageId) {
        try {
            mailer.send(mail.addHeader("Message-ID", messageId))
                    .runSubscriptionOn(task -> mailContext.runOnContext(ignored -> task.run()))
                    .await().atMost(SMTP_EXCHANGE);
        } catch (RuntimeException e) {
            throw SmtpFailures.of(e);
        }
        return messageId;
    }
}
