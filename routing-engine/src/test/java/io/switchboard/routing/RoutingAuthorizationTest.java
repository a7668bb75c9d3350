package io.switchboard.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.hamcrest.Matchers.equalTo;

/**
 * The routing API needs a token of the Switchboard issuer for the audience {@code switchboard} in the group ops or
 * supervisor: none or one for another audience is 401, an agent's 403, as problem details; health and metrics stay
 * open.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class RoutingAuthorizationTest {

    private static final String CONTACT = """
            {"channel": "WHATSAPP", "text": "Mijn internet is al twee dagen storing"}""";

    @Test
    void withoutATokenIs401() {
        RestAssured.get("/api/routing/rules").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        RestAssured.given().contentType(ContentType.JSON).body(CONTACT).post("/api/routing/classify").then()
                .statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String elsewhere = Jwt.issuer(Tokens.ISSUER).audience("another-system").subject("ops-1")
                .groups(Set.of("ops")).sign();
        RestAssured.given().auth().oauth2(elsewhere).get("/api/routing/rules").then().statusCode(401);
    }

    @Test
    void anAgentIsForbidden() {
        RestAssured.given().auth().oauth2(Tokens.token("agent-1", "agent")).get("/api/routing/rules").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        RestAssured.given().auth().oauth2(Tokens.token("agent-1", "agent")).contentType(ContentType.JSON)
                .body(CONTACT).post("/api/routing/classify").then().statusCode(403);
    }

    @Test
    void opsAndSupervisorsMayUseIt() {
        for (String group : new String[] { "ops", "supervisor" }) {
            String token = Tokens.token(group + "-1", group);
            RestAssured.given().auth().oauth2(token).get("/api/routing/rules").then().statusCode(200);
            RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(CONTACT)
                    .post("/api/routing/classify").then().statusCode(200);
        }
    }

    @Test
    void healthAndMetricsStayOpen() {
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.given().accept("text/plain").get("/q/metrics").then().statusCode(200);
    }
}
