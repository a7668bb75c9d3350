package io.switchboard.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' CRD schemas (src/test/resources/crd-schemas) as strict JSON Schemas: Kubernetes prunes fields a
 * structural schema does not declare, so an unknown field in a manifest is a silent no-op in the cluster — here it
 * is an error.
 */
final class CustomResourceSchemas {

    private static final List<String> FILES = List.of(
            "kafka.strimzi.io_v1_kafka.json", "kafka.strimzi.io_v1_kafkanodepool.json", "kafka.strimzi.io_v1_kafkatopic.json",
            "kafka.strimzi.io_v1_kafkauser.json", "keda.sh_v1alpha1_scaledobject.json",
            "keda.sh_v1alpha1_triggerauthentication.json", "postgresql.cnpg.io_v1_cluster.json",
            "monitoring.coreos.com_v1_servicemonitor.json");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final Map<String, Schema> BY_TYPE = load();

    private CustomResourceSchemas() {
    }

    /** The schema for an object's apiVersion and kind, if it is a custom resource of a known operator. */
    static Optional<Schema> of(JsonNode object) {
        return Optional.ofNullable(BY_TYPE.get(object.path("apiVersion").asText() + " " + object.path("kind").asText()));
    }

    static boolean knowsGroupOf(JsonNode object) {
        String group = object.path("apiVersion").asText().split("/")[0];
        return BY_TYPE.keySet().stream().anyMatch(type -> type.startsWith(group + "/"));
    }

    static List<Error> validate(Schema schema, JsonNode object) {
        return schema.validate(object);
    }

    private static Map<String, Schema> load() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Schema> schemas = new HashMap<>();
        for (String file : FILES) {
            try (InputStream in = CustomResourceSchemas.class.getResourceAsStream("/crd-schemas/" + file)) {
                JsonNode crd = json.readTree(in);
                ObjectNode schema = (ObjectNode) toJsonSchema(crd.path("openAPIV3Schema"));
                // The API server validates metadata itself; CRDs leave it open.
                ((ObjectNode) schema.path("properties")).set("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
                schemas.put(crd.path("apiVersion").asText() + " " + crd.path("kind").asText(),
                        REGISTRY.getSchema(SchemaLocation.of("urn:crd:" + file), schema));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    /**
     * OpenAPI v3 structural schema → JSON Schema draft 4: declared properties only (unless the CRD preserves unknown
     * fields), {@code nullable} as a null type, Kubernetes' {@code x-kubernetes-*} markers dropped.
     */
    private static JsonNode toJsonSchema(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(toJsonSchema(element)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("properties")) {
                ObjectNode properties = schema.putObject("properties");
                field.getValue().fields().forEachRemaining(property -> properties.set(property.getKey(), toJsonSchema(property.getValue())));
            } else if (!field.getKey().startsWith("x-kubernetes-") && !field.getKey().equals("nullable")) {
                schema.set(field.getKey(), toJsonSchema(field.getValue()));
            }
        });
        if (node.has("properties") && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            schema.put("additionalProperties", false);
        }
        if (node.path("nullable").asBoolean() && schema.has("type")) {
            schema.set("type", JsonNodeFactory.instance.arrayNode().add(schema.get("type").asText()).add("null"));
        }
        return schema;
    }
}
