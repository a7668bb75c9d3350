package io.switchboard.adapter.whatsapp;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.core.testing.WebhookContractTest;
import io.switchboard.adapter.core.testing.WebhookDelivery;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class WhatsAppWebhookTest extends WebhookContractTest {

    /** The application's local default (application.properties), as the gateway would sign with it. */
    private static final String APP_SECRET = "local-meta-app-secret";

    @Override
    protected Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    protected WebhookDelivery signedContact(String unique) {
        return delivery(notification(textMessage(unique, "31612345678", "Mijn internet doet het niet")), unique);
    }

    @Override
    protected WebhookDelivery signedBatch(String unique) {
        // Two entries, the second with two messages from another customer: three contacts.
        String body = """
                {"object":"whatsapp_business_account","entry":[
                  {"id":"WABA","changes":[{"field":"messages","value":%s}]},
                  {"id":"WABA","changes":[{"field":"messages","value":%s}]}]}
                """.formatted(value(textMessage(unique + "a", "31612345678", "eerste")),
                value(textMessage(unique + "b", "31687654321", "tweede") + "," + textMessage(unique + "c", "31687654321", "derde")));
        return delivery(body, unique + "a", unique + "b", unique + "c");
    }

    @Override
    protected WebhookDelivery signedUnmappable(String unique) {
        return delivery("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + unique
                + "\",\"changes\":[{\"field\":\"messages\"}]}]}");
    }

    @Override
    protected WebhookDelivery signedBody(byte[] body) {
        return delivery(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }


    @Test
    void subscriptionHandshakeEchoesTheChallengeOnlyForTheConfiguredToken() {
        RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "local-whatsapp-verify-token")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp")
                .then().statusCode(200).body(equalTo("1158201444"));
        assertProblem(RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp").then(), 403);
    }

    @Test
    void textMessageBecomesAContactOfTheCustomerKnownByPhoneNumber() {
        String unique = unique();
        WebhookDelivery delivery = signedContact(unique);
        delivery.post().statusCode(200);

        ConsumerRecord<String, String> record = single(delivery);
        assertThat(record.key()).isEqualTo("phone:+31612345678");
        assertThat(record.value())
                .contains("\"contactId\":\"" + ContactIds.of(Channel.WHATSAPP, "wamid." + unique) + "\"")
                .contains("\"providerMessageId\":\"wamid." + unique + "\"")
                .contains("\"text\":\"Mijn internet doet het niet\"")
                .contains("\"name\":\"Jan Jansen\"")
                .contains("\"receivedAt\":\"2026-11-22T10:00:00Z\"")
                .contains("\"phoneNumberId\":\"106540352242922\"");
    }

    @Test
    void mediaKeepsItsIdAndTypeAndLocationGoesToMetadata() {
        String unique = unique();
        String image = """
                {"from":"31612345678","id":"wamid.%s-img","timestamp":"1795341600","type":"image",
                 "image":{"caption":"kapotte router","mime_type":"image/jpeg","sha256":"x","id":"1479537139650973"}}
                """.formatted(unique);
        String location = """
                {"from":"31612345678","id":"wamid.%s-loc","timestamp":"1795341600","type":"location",
                 "location":{"latitude":52.3676,"longitude":4.9041,"name":"Winkel Centrum","address":"Damrak 1, Amsterdam"}}
                """.formatted(unique);
        String reply = """
                {"from":"31612345678","id":"wamid.%s-btn","timestamp":"1795341600","type":"interactive",
                 "interactive":{"type":"button_reply","button_reply":{"id":"storing","title":"Storing melden"}}}
                """.formatted(unique);
        WebhookDelivery delivery = delivery(notification(image + "," + location + "," + reply),
                unique + "-img", unique + "-loc", unique + "-btn");
        delivery.post().statusCode(200);

        Map<String, String> byType = published(delivery).stream()
                .collect(Collectors.toMap(r -> InboundTopic.field(r, "providerMessageId"), ConsumerRecord::value));
        assertThat(byType.get("wamid." + unique + "-img")).contains("\"type\":\"image\"")
                .contains("\"providerMediaId\":\"1479537139650973\"").contains("\"mimeType\":\"image/jpeg\"")
                .contains("\"text\":\"kapotte router\"");
        assertThat(byType.get("wamid." + unique + "-loc")).contains("\"latitude\":\"52.3676\"")
                .contains("\"longitude\":\"4.9041\"").contains("\"text\":\"Winkel Centrum, Damrak 1, Amsterdam\"");
        assertThat(byType.get("wamid." + unique + "-btn")).contains("\"text\":\"Storing melden\"")
                .contains("\"replyId\":\"storing\"");
    }

    @Test
    void deliveryStatusesAreMetricsNotContacts() {
        String unique = unique();
        String statuses = IntStream.range(0, 4).mapToObj(i -> """
                {"id":"wamid.%s-%d","status":"%s","timestamp":"1795341600","recipient_id":"31612345678"}
                """.formatted(unique, i, List.of("sent", "delivered", "read", "failed").get(i)))
                .collect(Collectors.joining(","));
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},"statuses":[%s]}}]}]}
                """.formatted(statuses);
        List<String> wouldBeIds = IntStream.range(0, 4).mapToObj(i -> "wamid." + unique + "-" + i)
                .map(id -> ContactIds.of(Channel.WHATSAPP, id)).toList();
        WebhookDelivery delivery = new WebhookDelivery("/webhooks/whatsapp", "application/json", utf8(body),
                Map.of("X-Hub-Signature-256", SignatureScheme.META.sign(APP_SECRET, utf8(body))), "X-Hub-Signature-256",
                wouldBeIds);
        delivery.post().statusCode(200);

        assertThat(published(delivery)).isEmpty();
        RestAssured.get("/q/metrics").then()
                .body(containsString("switchboard_adapter_delivery_status_total{channel=\"WHATSAPP\",status=\"read\"}"))
                .body(containsString("switchboard_adapter_delivery_status_total{channel=\"WHATSAPP\",status=\"failed\"}"));
    }

    @Test
    void reactionsAreNoContactsButAnUnsupportedMessageTypeStillIs() {
        String unique = unique();
        String reaction = """
                {"from":"31612345678","id":"wamid.%s-r","timestamp":"1795341600","type":"reaction",
                 "reaction":{"message_id":"wamid.ours","emoji":"\uD83D\uDC4D"}}
                """.formatted(unique);
        String unsupported = """
                {"from":"31612345678","id":"wamid.%s-u","timestamp":"1795341600","type":"unsupported",
                 "errors":[{"code":131051,"title":"Message type unknown"}]}
                """.formatted(unique);
        WebhookDelivery delivery = delivery(notification(reaction + "," + unsupported), unique + "-r", unique + "-u");
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> records = published(delivery);
        assertThat(records).singleElement().satisfies(record -> assertThat(record.value())
                .contains("\"providerMessageId\":\"wamid." + unique + "-u\"").contains("\"messageType\":\"unsupported\""));
    }

    @Test
    void unsupportedObjectIsKeptUnmappedNamingIt() {
        WebhookDelivery delivery = delivery("{\"object\":\"page\",\"entry\":[],\"n\":\"" + unique() + "\"}");
        delivery.post().statusCode(200);
        assertThat(unmapped(delivery)).singleElement().satisfies(record -> {
            assertThat(InboundTopic.field(record, "reason")).isEqualTo("unknown-event");
            assertThat(InboundTopic.field(record, "detail")).contains("unsupported object 'page'");
        });
    }

    private ConsumerRecord<String, String> single(WebhookDelivery delivery) {
        List<ConsumerRecord<String, String>> records = published(delivery);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String textMessage(String unique, String from, String text) {
        return """
                {"from":"%s","id":"wamid.%s","timestamp":"1795341600","type":"text","text":{"body":"%s"}}
                """.formatted(from, unique, text);
    }

    private static String value(String messages) {
        return """
                {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"106540352242922"},
                 "contacts":[{"profile":{"name":"Jan Jansen"},"wa_id":"31612345678"},{"profile":{"name":"Piet"},"wa_id":"31687654321"}],
                 "messages":[%s]}
                """.formatted(messages);
    }

    private static String notification(String messages) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":%s}]}]}
                """.formatted(value(messages));
    }

    private static WebhookDelivery delivery(String body, String... uniques) {
        byte[] bytes = utf8(body);
        return new WebhookDelivery("/webhooks/whatsapp", "application/json", bytes,
                Map.of("X-Hub-Signature-256", SignatureScheme.META.sign(APP_SECRET, bytes)), "X-Hub-Signature-256",
                java.util.Arrays.stream(uniques).map(u -> ContactIds.of(Channel.WHATSAPP, "wamid." + u)).toList());
    }
}
