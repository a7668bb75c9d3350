package io.switchboard.adapter.webshop;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.adapter.core.signature.SignatureScheme;
import io.switchboard.adapter.core.testing.WebhookDelivery;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactIds;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class ContactFormWebhookTest extends WebshopContractTest {

    private static final String SECRET = "local-webshop-secret";

    @Override
    protected WebhookDelivery signedContact(String unique) {
        return delivery(unique, """
                {"messageId":"%s","name":"Jan Jansen","email":"Jan@Example.com","orderNumber":"1001",
                 "subject":"Levering","message":"Mijn pakket is niet aangekomen","language":"nl"}
                """.formatted(unique));
    }

    @Override
    protected WebhookDelivery signedUnmappable(String unique) {
        return delivery(unique, "{\"messageId\":\"" + unique + "\",\"email\":\"jan@example.com\"}");
    }

    @Override
    protected WebhookDelivery signedBody(byte[] body) {
        return delivery(unique(), new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }


    @Test
    void submissionBecomesAContactWithItsOrderNumber() {
        WebhookDelivery delivery = signedContact(unique());
        delivery.post().statusCode(200);
        List<ConsumerRecord<String, String>> records = published(delivery);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("email:jan@example.com");
        assertThat(records.get(0).value()).contains("\"text\":\"Mijn pakket is niet aangekomen\"")
                .contains("\"orderNumber\":\"1001\"").contains("\"language\":\"nl\"");
    }

    private static WebhookDelivery delivery(String unique, String body) {
        byte[] bytes = utf8(body);
        return new WebhookDelivery("/webhooks/webshop/contact", "application/json", bytes,
                Map.of("X-Switchboard-Signature", SignatureScheme.SWITCHBOARD.sign(SECRET, bytes)),
                "X-Switchboard-Signature", List.of(ContactIds.of(Channel.WEBSHOP, unique)));
    }
}
