package io.switchboard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.switchboard.contracts.EventSchemas.errors;
import static io.switchboard.contracts.EventSchemas.wireFormOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas describe exactly what the records put on the wire: a field added to, removed from or renamed
 * in a record, a changed enum, or a changed JSON form (e.g. instants as numbers) fails here until the schema
 * follows.
 */
class EventSchemasTest {

    static final List<Class<?>> RECORDS = List.of(ContactReceived.class, ContactRouted.class, LifecycleEvent.class,
            ChannelMetrics.class, Alert.class, DeadLetter.class, UnmappedDelivery.class, OutboundMessage.class,
            ReplyStatus.class, ClassificationCorrection.class, SurveyResponse.class, OrderPlaced.class, Customer.class,
            Attachment.class, ReplyContext.class, SurveyQuestion.class, OrderPlaced.Line.class);

    static Stream<String> schemaFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(EventSchemasTest.class.getResource("/schemas").toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaIsValidDraft202012WithItsOwnId(String file) {
        assertThat(EventSchemas.metaSchemaErrors(file)).isEmpty();
        JsonNode schema = EventSchemas.document(file);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(EventSchemas.ID_BASE + file);
    }

    @Test
    void everyRecordHasASchemaAndEverySchemaARecord() throws Exception {
        Set<String> expected = RECORDS.stream().map(EventSchemas::fileOf).collect(Collectors.toCollection(TreeSet::new));
        expected.add("common.schema.json");
        assertThat(schemaFiles()).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Object> samples() {
        return EventSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serialisedEventMatchesItsSchema(Object event) {
        assertThat(errors(event)).as("%s", wireFormOf(event)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void schemaPropertiesAreTheRecordsJsonProperties(Class<?> type) {
        Set<String> written = Json.mapper().getSerializationConfig()
                .introspect(Json.mapper().constructType(type)).findProperties().stream()
                .filter(BeanPropertyDefinition::couldSerialize)
                .map(BeanPropertyDefinition::getName)
                .collect(Collectors.toSet());
        assertThat(propertiesOf(type)).as("properties of %s", EventSchemas.fileOf(type))
                .containsExactlyInAnyOrderElementsOf(written);
    }

    /** So that every field's JSON form is checked against its schema at least once, not just declared. */
    @ParameterizedTest
    @MethodSource("recordTypes")
    void samplesFillEveryProperty(Class<?> type) {
        Set<String> filled = instancesByType().getOrDefault(type, List.of()).stream()
                .flatMap(instance -> fieldNames(wireFormOf(instance)))
                .collect(Collectors.toSet());
        assertThat(filled).containsExactlyInAnyOrderElementsOf(propertiesOf(type));
    }

    static Stream<Class<?>> recordTypes() {
        return RECORDS.stream();
    }

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of(Channel.class, "common.schema.json", "/$defs/channel/enum"),
                Arguments.of(Office.class, "common.schema.json", "/$defs/office/enum"),
                Arguments.of(Rst.class, "common.schema.json", "/$defs/rst/enum"),
                Arguments.of(Intent.class, "common.schema.json", "/$defs/intent/enum"),
                Arguments.of(LifecycleEventType.class, "lifecycle-event.schema.json", "/properties/type/enum"),
                Arguments.of(Alert.Kind.class, "alert.schema.json", "/properties/kind/enum"),
                Arguments.of(OutboundKind.class, "outbound-message.schema.json", "/properties/kind/enum"),
                Arguments.of(OutboundKind.class, "lifecycle-event.schema.json", "/properties/details/properties/kind/enum"),
                Arguments.of(DeliveryState.class, "reply-status.schema.json", "/properties/state/enum"),
                Arguments.of(Alert.State.class, "alert.schema.json", "/properties/state/enum"),
                Arguments.of(ClassificationCorrection.Source.class, "classification-correction.schema.json",
                        "/properties/source/enum"));
    }

    @ParameterizedTest
    @MethodSource("enums")
    void schemaEnumIsTheJavaEnum(Class<? extends Enum<?>> type, String file, String pointer) {
        List<String> constants = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        assertThat(EventSchemas.document(file).at(pointer)).extracting(JsonNode::asText)
                .containsExactlyElementsOf(constants);
    }

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                invalid("contact without contactId", EventSamples.whatsAppText(), "required",
                        json -> json.remove("contactId")),
                invalid("contact on an unknown channel", EventSamples.whatsAppText(), "enum",
                        json -> json.put("channel", "FAX")),
                invalid("contact id that is no UUID", EventSamples.whatsAppText(), "format",
                        json -> json.put("contactId", "WHATSAPP:wamid.1")),
                invalid("customer without key", EventSamples.whatsAppText(), "required",
                        json -> ((ObjectNode) json.get("customer")).remove("key")),
                invalid("instant with an offset instead of UTC", EventSamples.whatsAppText(), "pattern",
                        json -> json.put("receivedAt", "2026-11-23T09:00:00+01:00")),
                invalid("public as text", EventSamples.publicComplaintOnX(), "type",
                        json -> json.put("public", "yes")),
                invalid("field unknown to the schema", EventSamples.whatsAppText(), "additionalProperties",
                        json -> json.put("sentiment", "angry")),
                invalid("attachment that cannot be fetched", EventSamples.whatsAppPhotoWithCaption(), "required",
                        json -> ((ObjectNode) json.withArray("attachments").get(0)).remove("providerMediaId")),
                invalid("priority above 100", EventSamples.routedFaultReport(), "maximum",
                        json -> json.put("priority", 101)),
                invalid("routed contact without office", EventSamples.routedFaultReport(), "required",
                        json -> json.remove("office")),
                invalid("unknown intent", EventSamples.routedFaultReport(), "enum",
                        json -> json.put("intent", "SMALL_TALK")),
                invalid("routed contact whose contact is invalid", EventSamples.routedFaultReport(), "enum",
                        json -> ((ObjectNode) json.get("contact")).put("channel", "FAX")),
                invalid("model version that is no model fingerprint", EventSamples.routedFaultReport(), "pattern",
                        json -> json.put("modelVersion", "latest")),
                invalid("unknown lifecycle step", EventSamples.lifecycleOfOneContact().get(0), "enum",
                        json -> json.put("type", "PARKED")),
                invalid("accepted without agent", EventSamples.lifecycleOfOneContact().get(5), "required",
                        json -> json.remove("agentId")),
                invalid("escalation to an unknown office", EventSamples.lifecycleOfOneContact().get(7), "enum",
                        json -> ((ObjectNode) json.get("details")).put("toOffice", "CANTEEN")),
                invalid("negative counter", EventSamples.routingCounters(), "minimum",
                        json -> ((ObjectNode) json.get("counters")).put("received", -1)),
                invalid("cleared alert without clearedAt", EventSamples.serviceLevelRecovered(), "required",
                        json -> json.remove("clearedAt")),
                invalid("unknown alert kind", EventSamples.complaintSurge(), "enum",
                        json -> json.put("kind", "FIRE")),
                invalid("dead letter without error", EventSamples.unknownOffice(), "required",
                        json -> json.remove("error")),
                invalid("dead letter with negative offset", EventSamples.unknownOffice(), "minimum",
                        json -> json.put("offset", -1)),
                invalid("unmapped delivery without its body", EventSamples.unknownTicketEvent(), "required",
                        json -> json.remove("body")),
                invalid("unmapped delivery with a free-text reason", EventSamples.unknownTicketEvent(), "enum",
                        json -> json.put("reason", "it broke")),
                invalid("reply step without its reply", EventSamples.lifecycleOfOneReply().get(1), "required",
                        json -> ((ObjectNode) json.get("details")).remove("replyId")),
                invalid("reply with neither text nor template", EventSamples.whatsAppReply(), "required",
                        json -> json.remove("text")),
                invalid("template without its language", EventSamples.whatsAppTemplateReply(), "dependentRequired",
                        json -> json.remove("templateLanguage")),
                invalid("connect without the agent's address", EventSamples.connectCaller(), "required",
                        json -> json.remove("agentAddress")),
                invalid("outbound message of an unknown kind", EventSamples.whatsAppReply(), "enum",
                        json -> json.put("kind", "FORWARD")),
                invalid("reply that does not say what it answers", EventSamples.whatsAppReply(), "required",
                        json -> json.remove("replyTo")),
                invalid("reply context without the provider's message id", EventSamples.whatsAppReply(), "required",
                        json -> ((ObjectNode) json.get("replyTo")).remove("providerMessageId")),
                invalid("status without a key: neither reply nor provider message id", EventSamples.replySent(),
                        "required", json -> json.without(List.of("replyId", "providerMessageId"))),
                invalid("failed status without the provider's error", EventSamples.replyRefused(), "required",
                        json -> json.remove("error")),
                invalid("unknown delivery state", EventSamples.replySent(), "enum",
                        json -> json.put("state", "BOUNCED")),
                invalid("correction without the class it corrects", EventSamples.agentCorrection(), "required",
                        json -> json.remove("routedRst")),
                invalid("correction to an unknown class", EventSamples.agentCorrection(), "enum",
                        json -> json.put("rst", "URGENT")),
                invalid("correction from an unknown source", EventSamples.escalationOfASilentCall(), "enum",
                        json -> json.put("source", "SUPERVISOR")),
                invalid("correction of a contact id that is no UUID", EventSamples.agentCorrection(), "format",
                        json -> json.put("contactId", "WHATSAPP:wamid.1")),
                invalid("correction with an empty reason", EventSamples.agentCorrection(), "minLength",
                        json -> json.put("reason", "")),
                invalid("survey without its question", EventSamples.whatsAppSurvey(), "required",
                        json -> json.remove("survey")),
                invalid("survey question without the thanks", EventSamples.whatsAppSurvey(), "required",
                        json -> ((ObjectNode) json.get("survey")).remove("thanks")),
                invalid("survey id that is no UUID", EventSamples.whatsAppSurvey(), "format",
                        json -> ((ObjectNode) json.get("survey")).put("surveyId", "SURVEY:1")),
                invalid("survey question on a reply, which never asks it", EventSamples.whatsAppReply(), "const",
                        json -> json.set("survey", wireFormOf(EventSamples.whatsAppSurvey()).get("survey"))),
                invalid("survey score 11", EventSamples.quickReplyOnMessenger(), "maximum",
                        json -> json.put("score", 11)),
                invalid("survey score as text", EventSamples.quickReplyOnMessenger(), "type",
                        json -> json.put("score", "9")),
                invalid("survey answer with neither score nor comment", EventSamples.quickReplyOnMessenger(), "required",
                        json -> json.remove("score")),
                invalid("survey answer that does not say which survey", EventSamples.linkAnswerWithComment(), "required",
                        json -> json.remove("surveyId")),
                invalid("order line without product", EventSamples.shopifyOrder(), "required",
                        json -> ((ObjectNode) json.withArray("lines").get(0)).remove("product")),
                invalid("order line of nothing", EventSamples.shopifyOrder(), "minimum",
                        json -> ((ObjectNode) json.withArray("lines").get(1)).put("quantity", 0)),
                invalid("order line value as text", EventSamples.shopifyOrder(), "type",
                        json -> ((ObjectNode) json.withArray("lines").get(0)).put("value", "179,90")),
                invalid("order without its buyer", EventSamples.shopifyOrder(), "required",
                        json -> json.remove("customer")),
                invalid("currency that is no ISO 4217 code", EventSamples.shopifyOrder(), "pattern",
                        json -> json.put("currency", "euro")),
                invalid("negative order total", EventSamples.shopifyOrder(), "minimum",
                        json -> json.put("total", -1)),
                invalid("survey step without its survey", EventSamples.feedbackAndRevenueOfOneContact().get(2),
                        "required", json -> ((ObjectNode) json.get("details")).remove("surveyId")),
                invalid("survey step without the agent", EventSamples.feedbackAndRevenueOfOneContact().get(2),
                        "required", json -> json.remove("agentId")),
                invalid("answered survey with score 11", EventSamples.feedbackAndRevenueOfOneContact().get(3), "enum",
                        json -> ((ObjectNode) json.get("details")).put("score", "11")),
                invalid("complaint without its follow-up", EventSamples.feedbackAndRevenueOfOneContact().get(3),
                        "required", json -> ((ObjectNode) json.get("details")).remove("followUp")),
                invalid("offer shown without its product", EventSamples.feedbackAndRevenueOfOneContact().get(0),
                        "required", json -> ((ObjectNode) json.get("details")).remove("product")),
                invalid("offer taken without its value", EventSamples.offerTakenByOrder(), "required",
                        json -> ((ObjectNode) json.get("details")).remove("value")),
                invalid("offer value that is no decimal", EventSamples.offerTakenByOrder(), "pattern",
                        json -> ((ObjectNode) json.get("details")).put("value", "€ 179,90")),
                invalid("offer taken from an unknown source", EventSamples.offerTakenByOrder(), "enum",
                        json -> ((ObjectNode) json.get("details")).put("source", "phone")));
    }

    private static Arguments invalid(String name, Object sample, String keyword, Consumer<ObjectNode> change) {
        ObjectNode json = (ObjectNode) wireFormOf(sample);
        change.accept(json);
        return Arguments.of(name, sample.getClass(), json, keyword);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void invalidEventFailsValidation(String name, Class<?> type, JsonNode json, String keyword) {
        assertThat(errors(type, json)).extracting(Error::getKeyword).contains(keyword);
    }

    /** A service whose ObjectMapper writes instants as epoch numbers would break every consumer. */
    @Test
    void instantsWrittenAsNumbersFailValidation() throws Exception {
        ObjectMapper epochMapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode json = epochMapper.readTree(epochMapper.writeValueAsString(EventSamples.routedFaultReport()));
        assertThat(json.path("routedAt").isNumber()).isTrue();
        assertThat(errors(ContactRouted.class, json)).extracting(Error::getKeyword).contains("type");
    }

    static Stream<Arguments> versionOneEvents() {
        return Stream.of(
                Arguments.of("contact-received.json", ContactReceived.class),
                Arguments.of("contact-routed.json", ContactRouted.class),
                Arguments.of("lifecycle-event.json", LifecycleEvent.class),
                Arguments.of("channel-metrics.json", ChannelMetrics.class),
                Arguments.of("alert.json", Alert.class),
                Arguments.of("dead-letter.json", DeadLetter.class),
                Arguments.of("unmapped-delivery.json", UnmappedDelivery.class),
                Arguments.of("outbound-message.json", OutboundMessage.class),
                Arguments.of("reply-status.json", ReplyStatus.class),
                Arguments.of("lifecycle-event-reply.json", LifecycleEvent.class),
                Arguments.of("classification-correction.json", ClassificationCorrection.class),
                Arguments.of("outbound-message-survey.json", OutboundMessage.class),
                Arguments.of("survey-response.json", SurveyResponse.class),
                Arguments.of("order-placed.json", OrderPlaced.class),
                Arguments.of("lifecycle-event-offer.json", LifecycleEvent.class));
    }

    /**
     * Events written by schema version 1 stay on the topics for their retention and may be replayed from the DLQ:
     * they must stay valid and readable without loss. These files are frozen; schema changes are additive only.
     */
    @ParameterizedTest
    @MethodSource("versionOneEvents")
    void versionOneEventStaysValidAndReadable(String file, Class<?> type) throws IOException {
        JsonNode stored;
        try (InputStream in = getClass().getResourceAsStream("/events/v1/" + file)) {
            stored = Json.mapper().readTree(in);
        }
        assertThat(stored.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(errors(type, stored)).isEmpty();

        JsonNode rewritten = wireFormOf(Json.mapper().treeToValue(stored, type));
        assertThat(errors(type, rewritten)).isEmpty();
        stored.fieldNames().forEachRemaining(field ->
                assertThat(rewritten.get(field)).as(field).isEqualTo(stored.get(field)));
    }

    private static Set<String> propertiesOf(Class<?> type) {
        Set<String> names = new TreeSet<>();
        EventSchemas.document(EventSchemas.fileOf(type)).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Stream<String> fieldNames(JsonNode json) {
        Iterable<String> names = json::fieldNames;
        return StreamSupport.stream(names.spliterator(), false);
    }

    private static Map<Class<?>, List<Object>> instancesByType() {
        Map<Class<?>, List<Object>> byType = new HashMap<>(EventSamples.all().stream()
                .collect(Collectors.groupingBy(Object::getClass)));
        byType.put(Customer.class, EventSamples.contacts().stream().map(ContactReceived::customer)
                .map(Object.class::cast).toList());
        byType.put(Attachment.class, Stream.concat(
                        EventSamples.contacts().stream().flatMap(contact -> contact.attachments().stream()),
                        EventSamples.outbound().stream().flatMap(message -> message.attachments().stream()))
                .map(Object.class::cast).toList());
        byType.put(ReplyContext.class, EventSamples.outbound().stream().map(OutboundMessage::replyTo)
                .map(Object.class::cast).toList());
        byType.put(SurveyQuestion.class, EventSamples.outbound().stream().map(OutboundMessage::survey)
                .filter(Objects::nonNull).map(Object.class::cast).toList());
        byType.put(OrderPlaced.Line.class, EventSamples.orders().stream().flatMap(order -> order.lines().stream())
                .map(Object.class::cast).toList());
        return byType;
    }
}
