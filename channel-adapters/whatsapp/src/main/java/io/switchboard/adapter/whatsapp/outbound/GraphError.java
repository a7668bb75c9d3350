package io.switchboard.adapter.whatsapp.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.contracts.Json;

import java.io.IOException;
import java.util.Set;

/**
 * A Graph API error answer, {@code {"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}},
 * reduced to what an agent needs to read: the code, the message and the details.
 */
record GraphError(int status, Integer code, String text) {

    /**
     * Codes Meta documents as temporary (wait and retry) even when answered with a 4xx: unknown and service
     * errors, throttling, rate and pair-rate limits, "service unavailable".
     */
    private static final Set<Integer> TEMPORARY = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131056);
    /** An HTML error page is cut here: the reply's error is for an agent to read. */
    private static final int MAX_TEXT = 500;

    static GraphError of(int status, String body) {
        try {
            JsonNode error = Json.mapper().readTree(body).path("error");
            if (error.isObject()) {
                Integer code = error.hasNonNull("code") ? error.get("code").asInt() : null;
                String details = error.path("error_data").path("details").asText("");
                String text = (code == null ? "" : code + " ") + error.path("message").asText("")
                        + (details.isEmpty() ? "" : ": " + details);
                return new GraphError(status, code, text.strip());
            }
        } catch (IOException | RuntimeException notJson) {
            // A proxy's or load balancer's page instead of the Graph API's answer: its text is all there is.
        }
        String text = body == null ? "" : body.strip();
        return new GraphError(status, null, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
    }

    ProviderException toException() {
        if (code != null && TEMPORARY.contains(code)) {
            return new ProviderException(status, status + " " + text, true);
        }
        return ProviderException.ofStatus(status, text);
    }
}
