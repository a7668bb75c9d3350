package io.switchboard.adapter.webshop.outbound;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.mailer.MailerName;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.core.survey.SurveyLinks;
import io.switchboard.adapter.webshop.outbound.MailServerResource.InjectMailServer;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replies mailed to a real SMTP server: what arrives there, and what the server's refusals mean. */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(MailServerResource.class)
class MailRepliesTest {

    @InjectMailServer
    GreenMail smtp;

    @Inject
    MailReplies replies;

    @Inject
    Vertx vertx;

    @Inject
    @MailerName("refusing")
    ReactiveMailer refusing;

    @Inject
    @MailerName("unreachable")
    ReactiveMailer unreachable;

    @Inject
    SurveyLinks links;

    @Inject
    FormReplyWebhook formReplies;

    @Test
    void replyIsMailedToTheCustomerWithTheOrderInTheSubjectAndAMessageIdOfTheReply() throws Exception {
        OutboundMessage reply = reply("shopify", Map.of("orderNumber", "#1001", "email", "jan@example.com"),
                "Your refund is on its way.");

        String messageId = replies.send(reply);

        assertThat(messageId).isEqualTo("<" + reply.replyId() + "@switchboard>");
        MimeMessage mail = received(messageId);
        assertThat(mail.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly("jan@example.com");
        assertThat(mail.getSubject()).isEqualTo("Re: your order #1001");
        assertThat(mail.getFrom()).extracting(Object::toString)
                .containsExactly("Customer service <service@switchboard.example>");
        assertThat(GreenMailUtil.getBody(mail)).contains("Your refund is on its way.");
    }

    @Test
    void attachmentsAreLinkedUnderTheTextAndOneWithoutAUrlCannotBeMailed() throws Exception {
        OutboundMessage base = reply("shopify", Map.of("email", "jan@example.com"), "The manual and the label:");
        OutboundMessage withLinks = withAttachments(base, List.of(
                new Attachment("document", null, "application/pdf", "https://shop.example/manual.pdf", "Manual"),
                new Attachment("image", null, "image/png", "https://shop.example/label.png", null)));

        String messageId = replies.send(withLinks);

        assertThat(GreenMailUtil.getBody(received(messageId))).contains("The manual and the label:")
                .contains("Manual: https://shop.example/manual.pdf").contains("https://shop.example/label.png");
        OutboundMessage mediaOnly = withAttachments(base, List.of(new Attachment("image", "media-1", null, null, null)));
        assertThatThrownBy(() -> replies.send(mediaOnly)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.retryable()).isFalse()).hasMessageContaining("has no URL");
    }

    @Test
    void subjectNamesTheWooCommerceOrderOrTheFormsSubject() {
        assertThat(ReplyMail.of(reply("woocommerce", Map.of("orderNumber", "1002", "email", "a@b.nl"), "x")).subject())
                .isEqualTo("Re: your order #1002");
        assertThat(ReplyMail.of(reply("webshop-form", Map.of("subject", "Levertijd", "email", "a@b.nl"), "x")).subject())
                .isEqualTo("Re: Levertijd");
    }

    @Test
    void customersAddressIsTheFallbackAndWithoutAnyTheReplyIsUndeliverable() {
        OutboundMessage byCustomer = reply("shopify", Map.of("orderNumber", "#7"), "x");
        assertThat(ReplyMail.of(byCustomer).to()).isEqualTo("piet@example.com");

        OutboundMessage nobody = new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "r-" + UUID.randomUUID(),
                OutboundKind.REPLY, "c-1", Channel.WEBSHOP, new Customer("handle:shopify:order-7", null, null, "order-7",
                null), "x", List.of(), null, null, false, "k", "agent-1", null,
                new ReplyContext("shopify", "refunds/create:abc", false, Instant.now(), Map.of()), Instant.now());
        assertThatThrownBy(() -> replies.send(nobody)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("no e-mail address is known for customer handle:shopify:order-7");
    }

    @Test
    void aRefusalBySmtpIsFinalAndNotRetried() {
        assertThatThrownBy(() -> new MailReplies(refusing, vertx, links, formReplies).send(reply("shopify", Map.of("email", "jan@example.com"), "x")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(535);
                })
                .hasMessageStartingWith("SMTP 535");
    }

    @Test
    void anUnreachableSmtpServerIsWorthAnotherTry() {
        assertThatThrownBy(() -> new MailReplies(unreachable, vertx, links, formReplies).send(reply("shopify", Map.of("email", "jan@example.com"), "x")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageStartingWith("unreachable");
    }

    private MimeMessage received(String messageId) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return messageId.equals(mail.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail with Message-ID " + messageId));
    }

    private static OutboundMessage withAttachments(OutboundMessage message, List<Attachment> attachments) {
        return new OutboundMessage(message.schemaVersion(), message.replyId(), message.kind(), message.contactId(),
                message.channel(), message.customer(), message.text(), attachments, null, null, false,
                message.idempotencyKey(), message.agentId(), null, message.replyTo(), message.requestedAt());
    }

    static OutboundMessage reply(String provider, Map<String, String> metadata, String text) {
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "r-" + UUID.randomUUID(), OutboundKind.REPLY, "c-1",
                Channel.WEBSHOP, new Customer("email:piet@example.com", null, "piet@example.com", null, "Piet"), text,
                List.of(), null, null, false, "key-1", "agent-1", null,
                new ReplyContext(provider, "orders/cancelled:abc", false, Instant.now(), metadata), Instant.now());
    }
}
