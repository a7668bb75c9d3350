package io.switchboard.adapter.store.outbound;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.Startup;
import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.core.survey.SurveyLinks;
import io.switchboard.adapter.core.survey.SurveyMail;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Mails a store visitor their survey (the question and eleven signed score links, {@link SurveyMail}) when the
 * ticket carried an e-mail address; a visitor who left none cannot be asked, and the survey is {@code FAILED}
 * saying so. SMTP outcomes read as for the webshop's replies (webshop README): a 5xx reply is final, a 4xx reply
 * or an unreachable server is retried, a connection lost mid-exchange is {@code UNCONFIRMED}.
 */
@ApplicationScoped
@Startup
public class SurveyMailer implements OutboundSender {

    public static final String PROVIDER = "smtp";
    private static final Duration SMTP_EXCHANGE = Duration.ofSeconds(60);

    private final ReactiveMailer mailer;
    private final Context mailContext;
    private final SurveyLinks links;

    /**
     * Mails are sent from a Vert.x context of their own, made at start: the mail client queues blocking steps on the
     * caller's context, which is the outbound loop's, busy waiting for this very mail (webshop MailReplies).
     */
    public SurveyMailer(ReactiveMailer mailer, Vertx vertx, SurveyLinks links) {
        this.mailer = mailer;
        this.mailContext = vertx.getOrCreateContext();
        this.links = links;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        return message.channel() == Channel.STORE && message.kind() == OutboundKind.SURVEY;
    }

    @Override
    public String provider(OutboundMessage message) {
        return PROVIDER;
    }

    @Override
    public String send(OutboundMessage message) {
        String to = SurveyMail.recipient(message)
                .orElseThrow(() -> ProviderException.undeliverable("no e-mail address for this visitor"));
        SurveyMail survey = SurveyMail.of(message, to, links);
        Mail mail = Mail.withHtml(survey.to(), survey.subject(), survey.html()).setText(survey.text())
                .addHeader("Message-ID", survey.messageId());
        try {
            mailer.send(mail).runSubscriptionOn(task -> mailContext.runOnContext(ignored -> task.run()))
                    .await().atMost(SMTP_EXCHANGE);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SMTPException smtp) {
                    throw new ProviderException(smtp.getReplyCode(), "SMTP " + smtp.getReplyMessage(),
                            smtp.isTransient());
                }
            }
            throw ProviderException.ofTransportFailure(e);
        }
        return survey.messageId();
    }
}
