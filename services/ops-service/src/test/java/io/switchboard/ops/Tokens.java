package io.switchboard.ops;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Real RS256 tokens of the Switchboard issuer for its audience, signed with the test key pair (src/test/resources). */
public final class Tokens {

    public static final String ISSUER = "https://switchboard.local";
    public static final String AUDIENCE = "switchboard";

    private Tokens() {
    }

    public static String ops() {
        return token("ops-1", "ops");
    }

    public static String token(String subject, String... groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(groups)).sign();
    }

    /** A request of operations staff. */
    public static RequestSpecification asOps() {
        return RestAssured.given().auth().oauth2(ops());
    }
}
