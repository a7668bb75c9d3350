package io.switchboard.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The JSON Schemas under {@code schemas/} on the classpath, resolved by their {@code $id}s the way any consumer
 * would, with format assertions on (date-time, uuid, email, uri are checked, not just annotated).
 */
final class EventSchemas {

    static final String ID_BASE = "https://switchboard.local/schemas/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                            .locale(Locale.ROOT).build())
                    .schemaIdResolvers(resolvers -> resolvers.mapPrefix(ID_BASE, "classpath:schemas/")));

    private static final Schema META_SCHEMA = SchemaRegistry.withDialect(Dialects.getDraft202012())
            .getSchema(SchemaLocation.of(Dialects.getDraft202012().getId()));

    private EventSchemas() {
    }

    /**
     * The schema file of a record by convention: {@code ContactReceived} → {@code contact-received.schema.json}; a
     * nested record is named with its enclosing one, {@code OrderPlaced.Line} → {@code order-placed-line.schema.json}.
     */
    static String fileOf(Class<?> type) {
        String name = type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + type.getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + ".schema.json";
    }

    static Schema schema(String file) {
        return REGISTRY.getSchema(SchemaLocation.of(ID_BASE + file));
    }

    static Schema schemaOf(Class<?> type) {
        return schema(fileOf(type));
    }

    /** The event as it goes over the wire: serialised with the contracts' mapper. */
    static JsonNode wireFormOf(Object event) {
        try {
            return Json.mapper().readTree(Json.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Error> errors(Object event) {
        return schemaOf(event.getClass()).validate(wireFormOf(event));
    }

    static List<Error> errors(Class<?> type, JsonNode json) {
        return schemaOf(type).validate(json);
    }

    /** The schema document itself, as a tree. */
    static JsonNode document(String file) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema /schemas/" + file + " on the classpath");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Error> metaSchemaErrors(String file) {
        return META_SCHEMA.validate(document(file));
    }
}
