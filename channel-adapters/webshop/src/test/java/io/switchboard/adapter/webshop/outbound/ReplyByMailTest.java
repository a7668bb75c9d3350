package io.switchboard.adapter.webshop.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.testing.BrokerTest;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.webshop.outbound.MailServerResource.InjectMailServer;
import io.switchboard.adapter.webshop.service.WebshopContacts;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Shopify customer's question answered end to end: the signed webhook becomes a contact on the real broker, the
 * agent's reply to it goes on {@code contacts.outbound}, arrives as mail at the SMTP server and is {@code SENT} on
 * {@code contacts.delivery}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(MailServerResource.class)
class ReplyByMailTest extends BrokerTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @InjectMailServer
    GreenMail smtp;


    @Test
    void answerToAShopifyOrderNoteIsMailedToTheCustomerAndSent() throws Exception {
        String email = "jan-" + UUID.randomUUID() + "@example.com";
        ContactReceived question = shopifyContact("""
                {"id":820982911946154508,"name":"#1001","email":"%s","note":"Kan ik de bezorging naar zaterdag verzetten?",
                 "customer":{"first_name":"Jan","last_name":"Jansen","email":"%s"}}
                """.formatted(email, email));
        assertThat(question.metadata()).as("what the reply is addressed by")
                .containsEntry("email", email).containsEntry("orderNumber", "#1001");
        OutboundMessage reply = new OutboundMessage(OutboundMessage.SCHEMA_VERSION, UUID.randomUUID().toString(),
                OutboundKind.REPLY, question.contactId(), Channel.WEBSHOP, question.customer(),
                "Dat kan: we bezorgen zaterdag tussen 9 en 12 uur.", List.of(), null, null, false,
                UUID.randomUUID().toString(), "anna", null, new ReplyContext(question.provider(),
                        question.providerMessageId(), false, question.receivedAt(), question.metadata()), Instant.now());

        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_OUTBOUND, reply.contactId(),
                Json.mapper().writeValueAsString(reply))).awaitCompletion();

        var statuses = new InboundTopic(kafka, Topics.CONTACTS_DELIVERY).records("replyId", List.of(reply.replyId()), 1,
                WITHIN);
        assertThat(statuses).hasSize(1);
        ReplyStatus sent = Json.mapper().readValue(statuses.get(0).value(), ReplyStatus.class);
        String messageId = "<" + reply.replyId() + "@switchboard>";
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.provider()).isEqualTo("smtp");
        assertThat(sent.channel()).isEqualTo(Channel.WEBSHOP);
        assertThat(sent.providerMessageId()).isEqualTo(messageId);

        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(mail -> idOf(mail).equals(messageId))
                .toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly(email);
        assertThat(mails.get(0).getSubject()).isEqualTo("Re: your order #1001");
    }

    /** Posts a signed Shopify orders/create webhook and reads back the contact it became. */
    private ContactReceived shopifyContact(String order) throws JsonProcessingException {
        byte[] body = order.getBytes(StandardCharsets.UTF_8);
        RestAssured.given().contentType("application/json").body(body)
                .header("X-Shopify-Hmac-Sha256", SignatureScheme.SHOPIFY.sign("local-shopify-secret", body))
                .header("X-Shopify-Topic", "orders/create").header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .post("/webhooks/shopify").then().statusCode(200);
        String contactId = ContactIds.of(Channel.WEBSHOP, "orders/create:" + WebshopContacts.digest(body));
        var records = new InboundTopic(kafka, Topics.CONTACTS_INBOUND).records("contactId", List.of(contactId), 1, WITHIN);
        assertThat(records).hasSize(1);
        return Json.mapper().readValue(records.get(0).value(), ContactReceived.class);
    }

    private static String idOf(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
