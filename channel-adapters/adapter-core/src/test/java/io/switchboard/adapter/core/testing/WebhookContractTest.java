package io.switchboard.adapter.core.testing;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

/**
 * The behaviour every adapter owes its gateway (issue 4), over HTTP against the real broker: 2xx only after
 * Kafka acknowledged, 401 for forged or missing signatures, 400 problems for malformed bodies, 413 before
 * parsing, 503 during a broker outage with nothing stored and a successful redelivery afterwards, and the
 * same contact id for a redelivered webhook. A channel's test class extends this, is a {@code @QuarkusTest} on
 * the {@code SwitchboardTestResource}, and says how its gateway signs a delivery.
 */
public abstract class WebhookContractTest {

    @InjectInfrastructure
    protected TestInfrastructure infrastructure;

    protected KafkaCompanion kafka;
    protected InboundTopic inbound;

    /** The channel the adapter under test serves. */
    protected abstract Channel channel();

    /** A delivery the gateway signed correctly that yields one contact, distinct for each {@code unique}. */
    protected abstract WebhookDelivery signedContact(String unique);

    /** A correctly signed delivery whose body the adapter cannot understand. */
    protected abstract WebhookDelivery signedMalformed();

    /** A signed delivery that yields several contacts, or null where the gateway never batches. */
    protected WebhookDelivery signedBatch(String unique) {
        return null;
    }

    /** The base URL the gateway calls (and signs, where the scheme covers the URL). */
    protected String gatewayBaseUrl() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @BeforeEach
    void connectToBroker() {
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        inbound = new InboundTopic(kafka, Topics.CONTACTS_INBOUND);
    }

    @AfterEach
    void closeBrokerConnection() {
        kafka.close();
    }

    protected static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    protected List<ConsumerRecord<String, String>> published(WebhookDelivery delivery, int expected) {
        return inbound.records("contactId", delivery.contactIds(), expected, Duration.ofSeconds(expected == 0 ? 3 : 10));
    }

    protected static void assertProblem(ValidatableResponse response, int status) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("type", startsWith("urn:switchboard:problem:"))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()));
    }

    @Test
    void signedContactIsPublishedBeforeTheGatewayIsAnswered() {
        WebhookDelivery delivery = signedContact(unique());
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> records = published(delivery, delivery.contactIds().size());
        assertThat(records).hasSize(delivery.contactIds().size());
        for (ConsumerRecord<String, String> record : records) {
            assertThat(InboundTopic.field(record, "channel")).isEqualTo(channel().name());
            assertThat(InboundTopic.field(record, "schemaVersion")).isEqualTo("1");
            assertThat(record.key()).as("keyed by customer key").matches("(phone|email|handle):.+");
            assertThat(record.value()).contains("\"key\":\"" + record.key() + "\"");
        }
    }

    @Test
    void forgedSignatureIsRefusedAndNothingPublished() {
        WebhookDelivery delivery = signedContact(unique());
        assertProblem(delivery.tampered().post(), 401);
        assertThat(published(delivery, 0)).isEmpty();
    }

    @Test
    void missingSignatureIsRefused() {
        assertProblem(signedContact(unique()).unsigned().post(), 401);
    }

    @Test
    void malformedBodyGetsAProblemSayingWhatIsWrong() {
        assertProblem(signedMalformed().post(), 400);
    }

    @Test
    void oversizedBodyIsRefusedBeforeParsing() {
        WebhookDelivery delivery = signedContact(unique());
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        assertProblem(WebhookDelivery.request(delivery.contentType(), huge).post(delivery.path()).then(), 413);
    }

    @Test
    void redeliveredWebhookMapsToTheSameContact() {
        WebhookDelivery delivery = signedContact(unique());
        delivery.post().statusCode(200);
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> records = published(delivery, 2 * delivery.contactIds().size());
        assertThat(records).hasSize(2 * delivery.contactIds().size());
        assertThat(records.stream().map(record -> InboundTopic.field(record, "contactId")).distinct())
                .containsExactlyInAnyOrderElementsOf(delivery.contactIds());
    }

    @Test
    void batchYieldsEachContactExactlyOnce() {
        WebhookDelivery batch = signedBatch(unique());
        org.junit.jupiter.api.Assumptions.assumeTrue(batch != null, "this gateway does not batch");
        assertThat(batch.contactIds()).hasSizeGreaterThan(1).doesNotHaveDuplicates();
        batch.post().statusCode(200);

        List<ConsumerRecord<String, String>> records = published(batch, batch.contactIds().size());
        assertThat(records.stream().map(record -> InboundTopic.field(record, "contactId")))
                .containsExactlyInAnyOrderElementsOf(batch.contactIds());
    }

    @Test
    void brokerOutageIsA503WithinTheGatewayTimeoutAndTheRedeliverySucceeds() throws InterruptedException {
        WebhookDelivery delivery = signedContact(unique());
        infrastructure.stopBroker();
        try {
            long start = System.nanoTime();
            ValidatableResponse response = delivery.post();
            assertProblem(response, 503);
            response.header("Retry-After", not(emptyOrNullString()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
        } finally {
            infrastructure.startBroker();
        }
        assertThat(published(delivery, 0)).as("nothing stored for a refused delivery").isEmpty();

        int status = 0;
        for (int attempt = 0; attempt < 30 && status != 200; attempt++) {
            status = delivery.post().extract().statusCode();
            if (status != 200) {
                assertThat(status).isEqualTo(503);
                Thread.sleep(1000);
            }
        }
        assertThat(status).as("the gateway's redelivery after the outage").isEqualTo(200);
        assertThat(published(delivery, delivery.contactIds().size())).hasSize(delivery.contactIds().size());
    }

    /** The gateway simulator of the system tests and benchmarks (switchboard-runtime) speaks this adapter's format. */
    @Test
    void deliveryOfTheSharedGatewaySimulatorYieldsItsContactId() {
        SignedWebhook webhook = new Gateways(service -> gatewayBaseUrl())
                .contact(channel(), unique(), "31612345678", "Jan Jansen", "Mijn factuur klopt niet");
        WebhookDelivery delivery = new WebhookDelivery(webhook.path(), webhook.contentType(), utf8(webhook.body()),
                webhook.headers(), webhook.headers().keySet().iterator().next(), List.of(webhook.contactId()));
        delivery.post().statusCode(200);
        assertThat(published(delivery, 1)).hasSize(1);
    }

    @Test
    void readinessOpenApiAndChannelTaggedMetricsAreExposed() {
        WebhookDelivery delivery = signedContact(unique());
        delivery.post().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200).body(containsString("kafka"));
        RestAssured.get("/q/openapi").then().statusCode(200)
                .body(containsString(delivery.path().replaceFirst("\\?.*", "") + ":"));
        String channelTag = "channel=\"" + channel().name() + "\"";
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("switchboard_adapter_contacts_received_total{" + channelTag))
                .body(containsString("switchboard_adapter_publish_latency_seconds_count{" + channelTag));
    }

    protected static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
