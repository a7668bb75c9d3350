package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class OperationsApiTest {

    @Test
    void errorsAreProblemDetails() {
        Tokens.asOps().get("/api/channels/metrics/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not Found"))
                .body("type", equalTo("urn:switchboard:problem:not-found"))
                .body("instance", equalTo("/api/channels/metrics/nothing-here"));
        Tokens.asOps().post("/api/alerts").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405));
    }

    @Test
    void readyOnceTheReplayCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItem("board replay")));
    }

    @Test
    void theContractIsInTheOpenApiDocument() {
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/channels/metrics/stream"))
                .body(containsString("/api/channels/availability"))
                .body(containsString("/api/alerts"))
                .body(containsString("/api/feedback"));
    }

    @Test
    void swaggerUiAndASummaryForEveryOperation() {
        RestAssured.get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("html"));
        // GPath: "method path" of each operation without a summary.
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.collectMany { path, operations -> operations.findAll { !it.value.summary }"
                        + ".collect { it.key + ' ' + path } }", empty());
    }
}
