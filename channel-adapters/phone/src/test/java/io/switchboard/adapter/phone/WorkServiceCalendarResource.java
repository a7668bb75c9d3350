package io.switchboard.adapter.phone;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The work-service's calendar stood in for by a WireMock server, which the adapter reads with the configured token;
 * the answers are kept for {@link #CACHE_FOR} only, so a test can change them.
 */
public class WorkServiceCalendarResource implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "calendar-reader-token";
    static final Duration CACHE_FOR = Duration.ofSeconds(3);

    /** Marks the test's {@link WireMockServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectWorkService {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.work-service.url", server.baseUrl(),
                "switchboard.phone.calendar.token", TOKEN,
                "switchboard.phone.calendar.cache-for", CACHE_FOR.toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWorkService.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
