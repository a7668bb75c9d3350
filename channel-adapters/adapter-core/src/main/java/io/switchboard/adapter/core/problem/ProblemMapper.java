package io.switchboard.adapter.core.problem;

import io.switchboard.contracts.ProblemDetail;

import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.webhook.LogText;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every refused webhook with a problem details body and counts it by reason. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Gateways that honour it come back after this many seconds once the broker is down. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final AdapterMetrics metrics;

    public ProblemMapper(AdapterMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response rejected(WebhookRejectedException e, UriInfo uri) {
        Rejection rejection = e.rejection();
        metrics.rejected(rejection);
        if (rejection == Rejection.UNAVAILABLE) {
            LOG.warnf("Refused webhook %s with 503: %s", LogText.escape(uri.getPath()), LogText.escape(e.getMessage()));
        } else {
            LOG.debugf("Refused webhook %s: %s", LogText.escape(uri.getPath()), LogText.escape(e.getMessage()));
        }
        Response.ResponseBuilder response = Response.status(rejection.status())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(rejection.problem(e.getMessage(), uri.getPath()));
        if (rejection == Rejection.UNAVAILABLE) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
