package io.switchboard.adapter.core.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The URL a gateway called, for the schemes that sign it (Twilio, Qminder). Behind a proxy or tunnel the
 * adapter sees another host and scheme than the gateway did, so the public base URL is configuration
 * ({@code switchboard.public-url}); without it the request's own URL is used.
 */
@ApplicationScoped
public class PublicUrl {

    private final Optional<String> base;

    public PublicUrl(@ConfigProperty(name = "switchboard.public-url") Optional<String> base) {
        this.base = base.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public String of(UriInfo uri) {
        if (base.isEmpty()) {
            return uri.getRequestUri().toString();
        }
        String query = uri.getRequestUri().getRawQuery();
        return base.get() + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }
}
