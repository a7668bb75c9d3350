package io.switchboard.work;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Real RS256 tokens of the Switchboard issuer, signed with the test key pair (src/test/resources). */
final class Tokens {

    static final String ISSUER = "https://switchboard.local";
    static final String AUDIENCE = "switchboard";

    private Tokens() {
    }

    static String agent(String agentId) {
        return token(agentId, "agent");
    }

    static String supervisor(String id) {
        return token(id, "supervisor");
    }

    static String ops(String id) {
        return token(id, "ops");
    }

    static String token(String subject, String... groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(groups)).sign();
    }
}
