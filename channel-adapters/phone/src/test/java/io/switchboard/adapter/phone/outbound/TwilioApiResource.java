package io.switchboard.adapter.phone.outbound;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.switchboard.adapter.phone.WireMockStandIn;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** Twilio's REST API stood in for by WireMock, which the adapter's client calls. */
public class TwilioApiResource extends WireMockStandIn {

    /** Marks the test's {@link WireMockServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectTwilioApi {
    }

    public TwilioApiResource() {
        super(InjectTwilioApi.class);
    }

    @Override
    protected Map<String, String> configuration(String baseUrl) {
        return Map.of("quarkus.rest-client.twilio.url", baseUrl);
    }
}
