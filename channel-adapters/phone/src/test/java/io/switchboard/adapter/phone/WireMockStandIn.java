package io.switchboard.adapter.phone;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.Annotation;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A service the adapter calls, stood in for by a WireMock server on a free port; the test's {@link WireMockServer}
 * field marked with the stand-in's annotation receives it.
 */
public abstract class WireMockStandIn implements QuarkusTestResourceLifecycleManager {

    private final Class<? extends Annotation> marker;
    private WireMockServer server;

    protected WireMockStandIn(Class<? extends Annotation> marker) {
        this.marker = marker;
    }

    /** The adapter's configuration that points it at the stand-in. */
    protected abstract Map<String, String> configuration(String baseUrl);

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return configuration(server.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(marker, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
