package io.switchboard.adapter.social.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.adapter.core.outbound.ProviderException;
import jakarta.ws.rs.core.Response;

import java.util.Set;

/**
 * A Graph API error object ({@code {"error": {"message", "type", "code", "error_subcode", "is_transient"}}}) as a
 * {@link ProviderException}. Besides 429 and 5xx, Meta marks temporary failures {@code is_transient} and answers
 * throttling with codes 4, 17, 32 and 613 (often as HTTP 400): those are retried, every other refusal fails the reply.
 */
final class GraphError {

    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613);

    private GraphError() {
    }

    static ProviderException of(Response response) {
        JsonNode error = ProviderResponses.json(response).path("error");
        int code = error.path("code").asInt(0);
        String text = error.isMissingNode() ? ProviderResponses.text(response)
                : "code " + code + (error.has("error_subcode") ? "/" + error.path("error_subcode").asText() : "")
                        + ": " + error.path("message").asText();
        ProviderException refusal = ProviderException.ofStatus(response.getStatus(), text);
        boolean temporary = error.path("is_transient").asBoolean(false) || THROTTLED.contains(code);
        return temporary && !refusal.retryable()
                ? new ProviderException(response.getStatus(), refusal.getMessage(), true) : refusal;
    }
}
