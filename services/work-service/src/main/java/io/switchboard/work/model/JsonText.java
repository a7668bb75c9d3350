package io.switchboard.work.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Json;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/**
 * Lists kept as JSON text. The reactive PostgreSQL client binds jsonb only for JSON objects, not for the top-level
 * arrays these are, so they are stored as text and (de)serialised here.
 */
public abstract class JsonText<T> implements AttributeConverter<List<T>, String> {

    private final TypeReference<List<T>> type;

    protected JsonText(TypeReference<List<T>> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(List<T> values) {
        try {
            return Json.mapper().writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + values, e);
        }
    }

    @Override
    public List<T> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }

    @Converter
    public static class Escalations extends JsonText<Escalation> {
        public Escalations() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Attachments extends JsonText<Attachment> {
        public Attachments() {
            super(new TypeReference<>() {
            });
        }
    }
}
