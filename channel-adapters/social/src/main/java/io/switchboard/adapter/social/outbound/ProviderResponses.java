package io.switchboard.adapter.social.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.switchboard.contracts.Json;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/** Reads a provider's error response once, whatever it holds: its JSON, or its text when it is not JSON. */
final class ProviderResponses {

    private static final int MAX_TEXT = 500;

    private ProviderResponses() {
    }

    static JsonNode json(Response response) {
        try {
            return Json.mapper().readTree(text(response));
        } catch (IOException | RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    static String text(Response response) {
        response.bufferEntity();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) + "…" : body;
    }
}
