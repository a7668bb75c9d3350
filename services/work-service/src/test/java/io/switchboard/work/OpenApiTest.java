package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

/** The API describes itself: Swagger UI answers, and every operation of the OpenAPI document has a summary. */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class OpenApiTest {

    @Test
    void swaggerUiAndASummaryForEveryOperation() {
        RestAssured.get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("html"));
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.collectMany { path, operations -> operations.findAll { !it.value.summary }"
                        + ".collect { it.key + ' ' + path } }", empty());
    }
}
