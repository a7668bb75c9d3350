package io.switchboard.routing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Real RS256 tokens of the Switchboard issuer for its audience, signed with the test key pair (src/test/resources). */
final class Tokens {

    static final String ISSUER = "https://switchboard.local";
    static final String AUDIENCE = "switchboard";

    private Tokens() {
    }

    static String token(String subject, String... groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(groups)).sign();
    }

    /** A request of operations staff. */
    static RequestSpecification asOps() {
        return RestAssured.given().auth().oauth2(token("ops-1", "ops"));
    }

    /** A request of a supervisor, who may retrain the model. */
    static RequestSpecification asSupervisor() {
        return RestAssured.given().auth().oauth2(token("supervisor-1", "supervisor"));
    }
}
