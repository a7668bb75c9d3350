package io.switchboard.adapter.phone;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Map;

/**
 * The work-service's calendar stood in for by WireMock, which the adapter reads without a token; the
 * answers are kept for {@link #CACHE_FOR} only, so a test can change them.
 */
public class WorkServiceCalendarResource extends WireMockStandIn {

    static final Duration CACHE_FOR = Duration.ofSeconds(3);

    /** Marks the test's {@link WireMockServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectWorkService {
    }

    public WorkServiceCalendarResource() {
        super(InjectWorkService.class);
    }

    @Override
    protected Map<String, String> configuration(String baseUrl) {
        return Map.of("quarkus.rest-client.work-service.url", baseUrl,
                "switchboard.phone.calendar.cache-for", CACHE_FOR.toString());
    }
}
