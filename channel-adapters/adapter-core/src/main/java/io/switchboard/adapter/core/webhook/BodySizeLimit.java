package io.switchboard.adapter.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.contracts.ProblemDetail;
import io.switchboard.adapter.core.problem.Rejection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before a
 * byte of it is read or parsed. Chunked bodies without a length are cut off by the same limit in Vert.x.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final AdapterMetrics metrics;
    private final ObjectMapper mapper;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            AdapterMetrics metrics, ObjectMapper mapper) {
        this.maxBytes = maxBodySize.asLongValue();
        this.metrics = metrics;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || parse(length) <= maxBytes) {
            context.next();
            return;
        }
        metrics.rejected(Rejection.OVERSIZED);
        ProblemDetail problem = Rejection.OVERSIZED.problem(
                "the body has " + length + " bytes, at most " + maxBytes + " are accepted", context.request().path());
        context.response()
                .setStatusCode(Rejection.OVERSIZED.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                // The rest of the body is not wanted: close rather than drain it.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json(problem));
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private String json(ProblemDetail problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }
}
