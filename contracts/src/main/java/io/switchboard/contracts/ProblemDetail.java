package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Locale;

/**
 * An RFC 9457 problem details body, the one error shape of every Switchboard service. Problem types share one
 * scheme, {@code urn:switchboard:problem:<slug>} (contracts/README.md): names, not addresses, since nothing is
 * served at them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:switchboard:problem:";

    public static ProblemDetail of(String slug, String title, int status, String detail, String instance) {
        return new ProblemDetail(TYPE_PREFIX + slug, title, status, detail, instance);
    }

    /** A problem whose type is named after its title: "Not Found" is {@code urn:switchboard:problem:not-found}. */
    public static ProblemDetail titled(String title, int status, String detail, String instance) {
        return of(title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, status, detail, instance);
    }
}
