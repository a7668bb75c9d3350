package io.switchboard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the AsyncAPI document true to the code: its topics are {@link Topics}, its payloads are the JSON Schemas
 * of the records, and every example in it is a valid event that the records read. The document's own validity
 * is checked by the official AsyncAPI CLI ({@code contracts/validate-asyncapi}).
 */
class AsyncApiDocumentTest {

    private static final String SCHEMA_REF_PREFIX = "./schemas/";
    private static final JsonNode DOCUMENT = load();

    private static JsonNode load() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void isAsyncApi3() {
        assertThat(DOCUMENT.path("asyncapi").asText()).startsWith("3.");
    }

    @Test
    void channelsAreTheTopics() {
        List<JsonNode> channels = elements(DOCUMENT.path("channels")).toList();
        assertThat(channels).extracting(channel -> channel.path("address").asText())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(channels).allSatisfy(channel -> assertThat(channel.at("/bindings/kafka/topic").asText())
                .isEqualTo(channel.path("address").asText()));
    }

    @Test
    void payloadsAreTheEventSchemas() {
        Set<String> referenced = messages().map(message -> message.at("/payload/$ref").asText())
                .filter(ref -> !ref.isEmpty())
                .collect(Collectors.toSet());
        assertThat(referenced).containsExactlyInAnyOrderElementsOf(Stream.of(ContactReceived.class,
                        ContactRouted.class, LifecycleEvent.class, ChannelMetrics.class, Alert.class, DeadLetter.class,
                        UnmappedDelivery.class, OutboundMessage.class, ReplyStatus.class, ClassificationCorrection.class,
                        SurveyResponse.class, OrderPlaced.class)
                .map(type -> SCHEMA_REF_PREFIX + EventSchemas.fileOf(type)).toList());
    }

    @Test
    void everyTopicIsBothWrittenAndRead() {
        Map<String, Set<String>> actionsByChannel = elements(DOCUMENT.path("operations")).collect(Collectors.groupingBy(
                operation -> operation.at("/channel/$ref").asText(),
                Collectors.mapping(operation -> operation.path("action").asText(), Collectors.toSet())));
        assertThat(actionsByChannel).hasSize(Topics.ALL.size())
                .allSatisfy((channel, actions) -> assertThat(actions).as(channel).containsExactlyInAnyOrder("send", "receive"));
    }

    /**
     * Delivery semantics are part of the contract: idempotent acks=all producers, at-least-once consumer groups of
     * the services, and the adapters' outbound consumers, which send a reply at most once.
     */
    @Test
    void operationsCarryTheirDeliverySemantics() {
        elements(DOCUMENT.path("operations")).forEach(operation -> {
            List<String> traits = elements(operation.path("traits")).map(trait -> trait.path("$ref").asText()).toList();
            List<String> groups = elements(operation.at("/bindings/kafka/groupId/enum")).map(JsonNode::asText).toList();
            if (operation.path("action").asText().equals("send")) {
                assertThat(traits).containsExactly("#/components/operationTraits/idempotentProducer");
            } else if (operation.at("/channel/$ref").asText().equals("#/channels/contactsOutbound")) {
                assertThat(traits).containsExactly("#/components/operationTraits/sendAtMostOnce");
                assertThat(groups).containsExactlyInAnyOrder("adapter-phone-outbound", "adapter-whatsapp-outbound",
                        "adapter-social-outbound", "adapter-webshop-outbound", "adapter-store-outbound");
            } else if (!groups.isEmpty()) {
                assertThat(traits).containsExactly("#/components/operationTraits/atLeastOnceConsumer");
                assertThat(groups).singleElement().isIn("routing-engine", "work-service", "work-service-delivery",
                        "work-service-feedback", "work-service-orders", "ops-service");
            }
        });
        assertThat(DOCUMENT.at("/components/operationTraits/sendAtMostOnce/x-delivery/inFlightAfterCrash").asText())
                .isEqualTo(DeliveryState.UNCONFIRMED.name());
        assertThat(DOCUMENT.at("/components/operationTraits/idempotentProducer/x-delivery/acks").asText()).isEqualTo("all");
        assertThat(DOCUMENT.at("/components/operationTraits/atLeastOnceConsumer/x-delivery/deadLetterTopic").asText())
                .isEqualTo(Topics.CONTACTS_DLQ);
    }

    static Stream<Arguments> examples() {
        return messages().filter(message -> message.at("/payload/$ref").asText().startsWith(SCHEMA_REF_PREFIX))
                .flatMap(message -> elements(message.path("examples"))
                        .map(example -> Arguments.of(message.path("name").asText(), example.path("name").asText(),
                                message.at("/payload/$ref").asText().substring(SCHEMA_REF_PREFIX.length()),
                                example.path("payload"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void exampleIsAValidEventTheRecordReads(String messageName, String exampleName, String schemaFile, JsonNode payload)
            throws Exception {
        Class<?> type = Class.forName(Topics.class.getPackageName() + "." + messageName);
        assertThat(EventSchemas.fileOf(type)).isEqualTo(schemaFile);
        assertThat(EventSchemas.schema(schemaFile).validate(payload)).isEmpty();

        Object event = Json.mapper().treeToValue(payload, type);
        assertThat(EventSchemas.wireFormOf(event)).isEqualTo(payload);
        if (event instanceof ContactReceived contact) {
            assertThat(contact.contactId()).isEqualTo(ContactIds.of(contact.channel(), contact.providerMessageId()));
        }
    }

    @Test
    void everyEventHasAnExample() {
        assertThat(examples()).extracting(arguments -> arguments.get()[0])
                .contains("ContactReceived", "ContactRouted", "LifecycleEvent", "ChannelMetrics", "Alert", "DeadLetter",
                        "UnmappedDelivery", "OutboundMessage", "ReplyStatus", "ClassificationCorrection", "SurveyResponse",
                        "OrderPlaced");
    }

    private static Stream<JsonNode> messages() {
        return elements(DOCUMENT.at("/components/messages"));
    }

    private static Stream<JsonNode> elements(JsonNode node) {
        return StreamSupport.stream(node.spliterator(), false);
    }
}
