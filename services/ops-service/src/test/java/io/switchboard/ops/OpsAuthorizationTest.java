package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.KeyPairGenerator;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;

/**
 * Every operations API needs a token of the Switchboard issuer for the audience {@code switchboard} in the group
 * ops or supervisor, with real RS256 tokens: none, a forged one or one for another audience is 401, an agent's
 * 403, all as problem details. Health and metrics stay open for probes and Prometheus.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class OpsAuthorizationTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest(name = "{0} without a token is 401")
    @ValueSource(strings = { "/api/channels/metrics", "/api/channels/metrics/stream", "/api/channels/availability",
            "/api/alerts", "/api/unmapped", "/api/corrections", "/api/feedback" })
    void withoutATokenIs401(String path) {
        RestAssured.get(path).then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0} for an agent is 403")
    @ValueSource(strings = { "/api/channels/metrics", "/api/channels/metrics/stream", "/api/channels/availability",
            "/api/alerts", "/api/unmapped", "/api/corrections", "/api/feedback" })
    void anAgentIsForbidden(String path) {
        RestAssured.given().auth().oauth2(Tokens.token("agent-1", "agent")).get(path).then().statusCode(403)
                .contentType(PROBLEM).body("status", equalTo(403));
    }

    @ParameterizedTest(name = "{0} may read the operations API")
    @ValueSource(strings = { "ops", "supervisor" })
    void opsAndSupervisorsMayRead(String group) {
        String token = Tokens.token(group + "-1", group);
        for (String path : new String[] { "/api/channels/metrics", "/api/channels/availability", "/api/alerts",
                "/api/unmapped", "/api/corrections", "/api/feedback?by=agent" }) {
            RestAssured.given().auth().oauth2(token).get(path).then().statusCode(200);
        }
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String elsewhere = Jwt.issuer(Tokens.ISSUER).audience("another-system").subject("ops-1")
                .groups(Set.of("ops")).sign();
        String noAudience = Jwt.issuer(Tokens.ISSUER).subject("ops-1").groups(Set.of("ops")).sign();
        RestAssured.given().auth().oauth2(elsewhere).get("/api/alerts").then().statusCode(401);
        RestAssured.given().auth().oauth2(noAudience).get("/api/alerts").then().statusCode(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("ops-1").groups(Set.of("ops"))
                .sign(generator.generateKeyPair().getPrivate());
        RestAssured.given().auth().oauth2(forged).get("/api/channels/metrics").then().statusCode(401);
    }

    @Test
    void healthMetricsAndTheDashboardPageStayOpen() {
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.given().accept("text/plain").get("/q/metrics").then().statusCode(200);
        // The page holds no data; it asks for a token before it fetches any.
        RestAssured.get("/").then().statusCode(200);
    }
}
