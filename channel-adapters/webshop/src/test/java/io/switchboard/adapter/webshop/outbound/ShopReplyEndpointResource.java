package io.switchboard.adapter.webshop.outbound;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The shop's reply webhook stood in for by a WireMock server on a free port, configured as
 * {@code switchboard.webshop.form-reply-url}; the reply secret stays the form's own.
 */
public class ShopReplyEndpointResource implements QuarkusTestResourceLifecycleManager {

    static final String PATH = "/switchboard/replies";

    /** Marks the test's {@link WireMockServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectShopReplyEndpoint {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of("switchboard.webshop.form-reply-url", server.baseUrl() + PATH,
                "switchboard.webshop.form-reply-timeout", "PT1.5S");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectShopReplyEndpoint.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
