package io.switchboard.adapter.social;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A WireMock server on a free port standing in for the Graph API (under {@code /v25.0}) and the X API (under
 * {@code /2}): the adapter's base URLs point at it. Tests get it through a field annotated {@link InjectApis}.
 */
public class ProviderApis implements QuarkusTestResourceLifecycleManager {

    public static final String GRAPH_VERSION = "/v25.0";

    private WireMockServer server;

    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface InjectApis {
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of("switchboard.meta.graph-url", server.baseUrl() + GRAPH_VERSION,
                "switchboard.x.api-url", server.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectApis.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
