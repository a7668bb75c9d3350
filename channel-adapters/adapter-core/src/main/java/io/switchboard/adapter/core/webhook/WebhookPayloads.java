package io.switchboard.adapter.core.webhook;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.adapter.core.problem.WebhookRejectedException;
import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.adapter.core.unmapped.UnmappableException.Reason;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses webhook bodies after their signature was checked over the raw bytes. A signed body that does not read
 * is the provider's all the same: it fails as {@link UnmappableException}, so it is kept on contacts.unmapped
 * rather than refused.
 */
@ApplicationScoped
public class WebhookPayloads {

    private final ObjectMapper mapper;

    public WebhookPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T json(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new UnmappableException(Reason.NOT_JSON, "the body is empty, a JSON document was expected");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new UnmappableException(Reason.NOT_JSON, "the body is JSON null, a JSON object was expected");
            }
            return value;
        } catch (JsonParseException e) {
            throw new UnmappableException(Reason.NOT_JSON, "the body is not JSON: " + e.getOriginalMessage()
                    + " at " + e.getLocation().offsetDescription());
        } catch (JsonProcessingException e) {
            throw new UnmappableException(Reason.UNEXPECTED_TYPE, "the body is not a " + type.getSimpleName()
                    + " as expected: " + e.getOriginalMessage() + " at " + e.getLocation().offsetDescription());
        } catch (IOException e) {
            throw new UnmappableException(Reason.NOT_JSON, "the body could not be read: " + e.getMessage());
        }
    }

    /** An {@code application/x-www-form-urlencoded} body, parameters in the order sent. */
    public static Map<String, List<String>> form(byte[] body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return parameters;
        }
        try {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            throw WebhookRejectedException.malformed("the form body is not URL-encoded: " + e.getMessage());
        }
        return parameters;
    }

    /** A required field of a signed delivery; without it the delivery is kept unmapped, naming the field. */
    public static <T> T require(T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw UnmappableException.missingField(field);
        }
        return value;
    }
}
