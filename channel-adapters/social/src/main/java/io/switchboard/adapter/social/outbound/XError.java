package io.switchboard.adapter.social.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.adapter.core.outbound.ProviderException;
import jakarta.ws.rs.core.Response;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * An X API v2 error ({@code {"title", "detail", "type"}} problem, with {@code errors[].message} for invalid
 * requests) as a {@link ProviderException}: 429 (rate limit) and 5xx are retried, other refusals fail the reply.
 */
final class XError {

    private XError() {
    }

    static ProviderException of(Response response) {
        JsonNode problem = ProviderResponses.json(response);
        if (!problem.has("title") && !problem.has("errors")) {
            return ProviderException.ofStatus(response.getStatus(), ProviderResponses.text(response));
        }
        String messages = StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("message").asText()).collect(Collectors.joining("; "));
        String text = problem.path("title").asText("error") + ": " + problem.path("detail").asText("")
                + (messages.isEmpty() ? "" : " (" + messages + ")");
        return ProviderException.ofStatus(response.getStatus(), text);
    }
}
