package io.switchboard.adapter.webshop.outbound;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.webshop.outbound.MailServerResource.InjectMailServer;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounces read from a real IMAP mailbox (GreenMail): a mail server's report that one of our mails could not be
 * delivered becomes FAILED on the real {@code contacts.delivery}, by the mail's Message-ID; a delay notice and other
 * mail in the box do not.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(MailServerResource.class)
class BouncedMailTest extends BrokerTest {

    @InjectMailServer
    GreenMail mail;


    @Test
    void aBounceOfAReplyIsReportedFailedWithTheReceivingServersReason() throws Exception {
        String messageId = "<r-" + UUID.randomUUID() + "@switchboard>";

        deliverToBounceMailbox(report(messageId, "failed", "5.1.1",
                "smtp; 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown"));

        List<ReplyStatus> statuses = statuses(messageId, 1);
        assertThat(statuses).hasSize(1);
        ReplyStatus failed = statuses.get(0);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.provider()).isEqualTo("smtp");
        assertThat(failed.channel()).isEqualTo(Channel.WEBSHOP);
        assertThat(failed.error())
                .isEqualTo("bounced 5.1.1: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown");
    }

    @Test
    void aDelayNoticeAndOtherMailAreNoBounce() throws Exception {
        String messageId = "<r-" + UUID.randomUUID() + "@switchboard>";

        deliverToBounceMailbox(report(messageId, "delayed", "4.4.1", "smtp; 451 4.4.1 try again later"));
        deliverToBounceMailbox("""
                From: Jan <jan@example.com>
                To: bounces@shop.test
                Subject: Re: your order #1001
                Message-ID: <reply-%s@example.com>
                In-Reply-To: %s

                Thanks!
                """.formatted(UUID.randomUUID(), messageId));

        assertThat(statuses(messageId, 0)).isEmpty();
    }

    /** A delivery status notification as Postfix writes it (RFC 3464), returning our mail's headers. */
    private static String report(String messageId, String action, String status, String diagnostic) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
                To: bounces@shop.test
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <dsn-%s@mx.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="report"

                --report
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.example.net. I'm sorry to have to inform you that your message
                could not be delivered to one or more recipients.

                --report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net
                Arrival-Date: Tue,  1 Dec 2026 09:30:01 +0100 (CET)

                Final-Recipient: rfc822; nobody@example.com
                Original-Recipient: rfc822;nobody@example.com
                Action: %s
                Status: %s
                Remote-MTA: dns; mail.example.com
                Diagnostic-Code: %s

                --report
                Content-Type: text/rfc822-headers

                Message-ID: %s
                From: Customer service <service@switchboard.example>
                To: nobody@example.com
                Subject: Re: your order #1001

                --report--
                """.formatted(UUID.randomUUID(), action, status, diagnostic, messageId);
    }

    private void deliverToBounceMailbox(String message) throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(message.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)));
        mail.getUserManager().getUserByEmail(MailServerResource.BOUNCES).deliver(mime);
    }

    private List<ReplyStatus> statuses(String messageId, int expected) {
        List<ConsumerRecord<String, String>> records = new InboundTopic(kafka, Topics.CONTACTS_DELIVERY)
                .records("providerMessageId", List.of(messageId), expected, Duration.ofSeconds(expected == 0 ? 4 : 20));
        return records.stream().map(record -> {
            try {
                return Json.mapper().readValue(record.value(), ReplyStatus.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
