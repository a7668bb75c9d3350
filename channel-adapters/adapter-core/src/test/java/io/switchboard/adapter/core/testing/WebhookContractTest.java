package io.switchboard.adapter.core.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.switchboard.adapter.core.unmapped.SignedDeliveries;
import io.switchboard.adapter.core.unmapped.SignedDelivery;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.UnmappedDelivery;
import io.restassured.response.ValidatableResponse;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

/**
 * The behaviour every adapter owes its gateway (issues 4 and 13), over HTTP against the real broker: 2xx only after
 * Kafka acknowledged, 401 for forged or missing signatures, signed deliveries that cannot be mapped kept on
 * contacts.unmapped with a 2xx and replayable by an operator with an ops token, 413 before parsing, 503 during a broker outage with nothing stored and a successful redelivery afterwards, and the
 * same contact id for a redelivered webhook. A channel's test class extends this, is a {@code @QuarkusTest} on
 * the {@code SwitchboardTestResource}, and says how its gateway signs a delivery.
 */
public abstract class WebhookContractTest extends BrokerTest {

    /** GPath over an OpenAPI document: "method path" of each operation without a summary. */
    private static final String OPERATIONS_WITHOUT_SUMMARY =
            "paths.collectMany { path, operations -> operations.findAll { !it.value.summary }.collect { it.key + ' ' + path } }";

    /** The channel the adapter under test serves. */
    protected abstract Channel channel();

    /** A delivery the gateway signed correctly that yields one contact, distinct for each {@code unique}. */
    protected abstract WebhookDelivery signedContact(String unique);

    /** A correctly signed delivery the adapter cannot map (a missing field, an unknown event), distinct for each {@code unique}. */
    protected abstract WebhookDelivery signedUnmappable(String unique);

    /** Any body, correctly signed as this gateway signs, or null where the gateway only sends form bodies. */
    protected WebhookDelivery signedBody(byte[] body) {
        return null;
    }

    /** A signed delivery that yields several contacts, or null where the gateway never batches. */
    protected WebhookDelivery signedBatch(String unique) {
        return null;
    }

    /** The base URL the gateway calls (and signs, where the scheme covers the URL). */
    protected String gatewayBaseUrl() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    protected static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The delivery id the adapter derives for a delivery: channel, endpoint and a digest of the signed body. */
    protected String deliveryIdOf(WebhookDelivery delivery) {
        return SignedDeliveries.deliveryId(channel(), SignedDelivery.of(delivery.path(), delivery.body()));
    }

    /** What the adapter kept of a delivery on contacts.unmapped: all there is once it answered (acks=all first). */
    protected List<ConsumerRecord<String, String>> unmapped(WebhookDelivery delivery) {
        return new InboundTopic(kafka, Topics.CONTACTS_UNMAPPED).upToNow("deliveryId", List.of(deliveryIdOf(delivery)));
    }

    /** Puts a delivery on contacts.unmapped as an earlier adapter version would have kept it. */
    private void keptEarlier(WebhookDelivery delivery) {
        Map<String, String> headers = new HashMap<>(delivery.headers());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase(delivery.signatureHeader()));
        UnmappedDelivery kept = new UnmappedDelivery(UnmappedDelivery.SCHEMA_VERSION, deliveryIdOf(delivery), channel(),
                "earlier-version", delivery.path(), Instant.now(), "mapping-error", "kept by an earlier version",
                headers, new String(delivery.body(), StandardCharsets.UTF_8), null);
        try {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_UNMAPPED, kept.deliveryId(),
                    Json.mapper().writeValueAsString(kept))).awaitCompletion();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real RS256 token of the Switchboard issuer, signed with the test key pair (adapter-core test resources). */
    protected static String token(String group) {
        return Jwt.issuer("https://switchboard.local").audience("switchboard").subject(group + "-1").upn(group + "-1")
                .groups(Set.of(group)).sign();
    }

    /**
     * The contacts a delivery published on contacts.inbound: all there are once the adapter answered, which it does
     * only after Kafka acknowledged them, so none can arrive later.
     */
    protected List<ConsumerRecord<String, String>> published(WebhookDelivery delivery) {
        return new InboundTopic(kafka, Topics.CONTACTS_INBOUND).upToNow("contactId", delivery.contactIds());
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

        List<ConsumerRecord<String, String>> records = published(delivery);
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
        assertThat(published(delivery)).isEmpty();
    }

    @Test
    void missingSignatureIsRefused() {
        assertProblem(signedContact(unique()).unsigned().post(), 401);
    }

    @Test
    void signedDeliveryThatCannotBeMappedIsKeptOnContactsUnmappedAndAcknowledged() {
        WebhookDelivery delivery = signedUnmappable(unique());
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> kept = unmapped(delivery);
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).key()).isEqualTo(deliveryIdOf(delivery));
        assertThat(InboundTopic.field(kept.get(0), "channel")).isEqualTo(channel().name());
        assertThat(InboundTopic.field(kept.get(0), "body")).isEqualTo(new String(delivery.body(), StandardCharsets.UTF_8));
        assertThat(InboundTopic.field(kept.get(0), "reason")).isIn("missing-field", "unknown-event", "invalid-value",
                "unexpected-type");
        assertThat(InboundTopic.field(kept.get(0), "detail")).isNotBlank();
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("switchboard_adapter_unmapped_deliveries_total{channel=\"" + channel().name() + "\""));
    }

    @Test
    void signedBodyThatIsNotEvenJsonIsKeptToo() {
        WebhookDelivery delivery = signedBody(utf8("<order id=\"" + unique() + "\"/> not JSON"));
        org.junit.jupiter.api.Assumptions.assumeTrue(delivery != null, "this gateway sends form bodies");
        delivery.post().statusCode(200);

        List<ConsumerRecord<String, String>> kept = unmapped(delivery);
        assertThat(kept).hasSize(1);
        assertThat(InboundTopic.field(kept.get(0), "reason")).isEqualTo("not-json");
    }

    @Test
    void unsignedUnmappableDeliveryIsRefusedNotKept() {
        WebhookDelivery delivery = signedUnmappable(unique()).unsigned();
        assertProblem(delivery.post(), 401);
        assertThat(unmapped(delivery)).isEmpty();
    }

    /**
     * After a fix, the replay maps again what an earlier version kept: a delivery that maps now becomes its
     * contact on contacts.inbound, one that still does not is reported and not published again.
     */
    @Test
    void replayPublishesWhatMapsNowAndReportsWhatStillFails() {
        Instant since = Instant.now().minusSeconds(5);
        WebhookDelivery mapsNow = signedContact(unique());
        WebhookDelivery stillFails = signedUnmappable(unique());
        keptEarlier(mapsNow);
        keptEarlier(stillFails);

        RestAssured.given().auth().oauth2(token("ops")).queryParam("since", since.toString())
                .post("/api/unmapped/replay").then().statusCode(200)
                .body("channel", equalTo(channel().name()))
                .body("published.deliveryId", hasItem(deliveryIdOf(mapsNow)))
                .body("published.deliveryId", not(hasItem(deliveryIdOf(stillFails))))
                .body("stillUnmapped.deliveryId", hasItem(deliveryIdOf(stillFails)))
                .body("stillUnmapped.find { it.deliveryId == '" + deliveryIdOf(stillFails) + "' }.reason",
                        not(emptyOrNullString()));

        assertThat(published(mapsNow)).hasSize(mapsNow.contactIds().size());
        assertThat(unmapped(stillFails)).as("reported, not kept a second time").hasSize(1);
    }

    @Test
    void replayNeedsATokenOfTheOpsGroup() {
        String since = Instant.now().toString();
        RestAssured.given().queryParam("since", since).post("/api/unmapped/replay").then().statusCode(401);
        RestAssured.given().auth().oauth2(token("agent")).queryParam("since", since).post("/api/unmapped/replay")
                .then().statusCode(403);
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

        List<ConsumerRecord<String, String>> records = published(delivery);
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

        List<ConsumerRecord<String, String>> records = published(batch);
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
        assertThat(published(delivery)).as("nothing stored for a refused delivery").isEmpty();

        // The gateway redelivers seconds later, by then the adapter is ready again; one racing the producers'
        // reconnection could get a 503 after part of what it maps was acknowledged (WooCommerce: contact, not order).
        awaitReadyAgain();
        assertThat(delivery.redeliveredUntilAccepted(Duration.ofSeconds(60)))
                .as("the gateway's redelivery after the outage").isEqualTo(200);
        assertThat(published(delivery)).hasSize(delivery.contactIds().size());
    }

    /** The gateway simulator of the system tests and benchmarks (switchboard-runtime) speaks this adapter's format. */
    @Test
    void deliveryOfTheSharedGatewaySimulatorYieldsItsContactId() {
        SignedWebhook webhook = new Gateways(service -> gatewayBaseUrl())
                .contact(channel(), unique(), "31612345678", "Jan Jansen", "Mijn factuur klopt niet");
        WebhookDelivery delivery = new WebhookDelivery(webhook.path(), webhook.contentType(), utf8(webhook.body()),
                webhook.headers(), webhook.headers().keySet().iterator().next(), List.of(webhook.contactId()));
        delivery.post().statusCode(200);
        assertThat(published(delivery)).hasSize(1);
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

    /** Swagger UI is served in every profile, and the OpenAPI document says what each operation does. */
    @Test
    void swaggerUiAndASummaryForEveryOperation() {
        RestAssured.get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("html"));
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(OPERATIONS_WITHOUT_SUMMARY, empty());
    }

    protected static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
