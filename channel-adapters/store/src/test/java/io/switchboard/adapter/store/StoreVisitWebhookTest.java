package io.switchboard.adapter.store;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.signature.SignedContent;
import io.switchboard.adapter.core.testing.InboundTopic;
import io.switchboard.adapter.core.testing.WebhookContractTest;
import io.switchboard.adapter.core.testing.WebhookDelivery;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class StoreVisitWebhookTest extends WebhookContractTest {

    private static final String SECRET = "local-store-secret";
    /** switchboard.public-url in the test profile: the queue system signs the URL it calls, not ours. */
    private static final String PUBLIC_BASE = "https://store.switchboard.test";
    private static final String PUBLIC_URL = PUBLIC_BASE + "/webhooks/store/visits";

    @Override
    protected String gatewayBaseUrl() {
        return PUBLIC_BASE;
    }

    @Override
    protected Channel channel() {
        return Channel.STORE;
    }

    @Override
    protected WebhookDelivery signedContact(String unique) {
        return delivery(ticket("ticket_created", unique), ContactIds.of(Channel.STORE, unique));
    }

    @Override
    protected WebhookDelivery signedUnmappable(String unique) {
        return delivery("{\"type\":\"ticket_created\",\"data\":{\"firstName\":\"Jan\",\"lastName\":\"" + unique + "\"}}");
    }

    @Override
    protected WebhookDelivery signedBody(byte[] body) {
        return delivery(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }


    @Test
    void checkInBecomesAContactWithTheVisitorsQuestion() {
        String unique = unique();
        WebhookDelivery delivery = signedContact(unique);
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> records = published(delivery);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("phone:+31612345678");
        assertThat(records.get(0).value()).contains("\"text\":\"Mijn nieuwe telefoon laadt niet op\"")
                .contains("\"email\":\"jan@example.com\"").contains("\"location\":\"Amsterdam Damrak\"")
                .contains("\"source\":\"KIOSK\"").contains("\"language\":\"nl\"");
    }

    @Test
    void calledAndServedAreCountedNotNewContacts() {
        String unique = unique();
        delivery(ticket("ticket_called", unique)).post().statusCode(200);
        delivery(ticket("ticket_served", unique)).post().statusCode(200);
        assertThat(published(delivery(ticket("ticket_served", unique), ContactIds.of(Channel.STORE, unique)))).isEmpty();
    }

    @Test
    void visitorLeavingTheQueueAbandonsTheContact() {
        String unique = unique();
        delivery(ticket("ticket_cancelled", unique)).post().statusCode(200);

        String contactId = ContactIds.of(Channel.STORE, unique);
        List<ConsumerRecord<String, String>> events = new InboundTopic(kafka, Topics.CONTACTS_ABANDONED)
                .records("contactId", List.of(contactId), 1, Duration.ofSeconds(10));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).key()).isEqualTo(contactId);
        assertThat(events.get(0).value()).contains("\"type\":\"ABANDONED\"").contains("\"channel\":\"STORE\"");
    }

    @Test
    void signatureOverAnotherUrlIsRefused() {
        byte[] body = utf8(ticket("ticket_created", unique()));
        String signedForOtherUrl = SignatureScheme.QMINDER.sign(SECRET,
                SignedContent.urlAndBody("https://elsewhere.test/webhooks/store/visits", body));
        assertProblem(io.restassured.RestAssured.given().contentType("application/json").body(body)
                .header("X-Qminder-Signature", signedForOtherUrl).post("/webhooks/store/visits").then(), 401);
    }

    /**
     * Qminder's documented ticket events: numeric ids and line ids, the creation time as an object, a phone number
     * as a number. They were refused with 400; now the check-in is a contact and calling and serving are counted.
     */
    @Test
    void qminderDocumentedTicketEventsAreAccepted() {
        String id = String.valueOf(System.nanoTime());
        WebhookDelivery created = delivery(sample("qminder-ticket-created.json", id), ContactIds.of(Channel.STORE, id));
        created.post().statusCode(200);
        delivery(sample("qminder-ticket-called.json", id)).post().statusCode(200);
        delivery(sample("qminder-ticket-served.json", id)).post().statusCode(200);

        List<ConsumerRecord<String, String>> records = published(created);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("phone:+3725555555");
        assertThat(records.get(0).value()).contains("\"text\":\"My new phone does not charge\"")
                .contains("\"line\":\"82364\"").contains("\"receivedAt\":\"2026-11-30T09:15:00Z\"");
        assertThat(unmapped(created)).isEmpty();
    }

    /** A provider's documented sample from test resources, with {@code {{id}}} made unique. */
    private static String sample(String name, String id) {
        try (java.io.InputStream in = StoreVisitWebhookTest.class.getResourceAsStream("/providers/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip().replace("{{id}}", id);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String ticket(String type, String id) {
        return """
                {"type":"%s","data":{"id":"%s","source":"KIOSK","line":"71490","lineName":"Service desk",
                 "location":"Amsterdam Damrak","firstName":"Jan","lastName":"Jansen","phoneNumber":"06 1234 5678",
                 "email":"Jan@Example.com","language":"nl","created":"2026-11-22T10:00:00Z",
                 "extra":[{"title":"Vraag","value":"Mijn nieuwe telefoon laadt niet op"},{"title":"Ordernummer","value":"1001"}]}}
                """.formatted(type, id);
    }

    private static WebhookDelivery delivery(String body, String... contactIds) {
        byte[] bytes = utf8(body);
        return new WebhookDelivery("/webhooks/store/visits", "application/json", bytes,
                Map.of("X-Qminder-Signature", SignatureScheme.QMINDER.sign(SECRET, SignedContent.urlAndBody(PUBLIC_URL, bytes))),
                "X-Qminder-Signature", List.of(contactIds));
    }
}
