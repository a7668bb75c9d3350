package io.switchboard.ops;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.switchboard.ops.WorkServiceStub.InjectWorkService;
import io.switchboard.runtime.test.SwitchboardTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The supervisors' view at {@code GET /api/supervision}: the work-service's agents and queues (a WireMock stand-in
 * for its HTTP API), asked with the supervisor's own token; for supervisors only; a work-service that fails is a
 * 502 problem, not an empty floor.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WorkServiceStub.class, scope = TestResourceScope.GLOBAL)
class SupervisionTest {

    @InjectWorkService
    WireMockServer workService;

    @BeforeEach
    void reset() {
        workService.resetAll();
    }

    @Test
    void supervisorsSeeTheWorkServicesAgentsAndQueuesAskedWithTheirOwnToken() {
        String token = Tokens.token("sup-1", "supervisor");
        workService.stubFor(get("/api/supervisor/agents").withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(WorkServiceSamples.AGENTS)));
        workService.stubFor(get("/api/queues").withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(WorkServiceSamples.QUEUES)));

        JsonPath floor = RestAssured.given().auth().oauth2(token).get("/api/supervision").then().statusCode(200)
                .extract().jsonPath();
        assertThat(floor.getList("agents.agent.id")).containsExactly("anna", "bram");
        assertThat(floor.getInt("agents[0].load.WHATSAPP")).isEqualTo(2);
        assertThat(floor.getList("agents[0].items")).hasSize(2);
        assertThat(floor.getString("agents[1].agent.statusReason")).isEqualTo("break");
        assertThat(floor.getInt("queues[0].stranded")).isEqualTo(3);
        assertThat(floor.getInt("queues[0].strandedReasons.skill")).isEqualTo(2);
    }

    @Test
    void operationsStaffWhoAreNoSupervisorsMayNot() {
        Tokens.asOps().get("/api/supervision").then().statusCode(403);
        RestAssured.get("/api/supervision").then().statusCode(401);
    }

    @Test
    void aWorkServiceThatFailsIsABadGateway() {
        workService.stubFor(get("/api/supervisor/agents").willReturn(serviceUnavailable()));
        workService.stubFor(get("/api/queues").willReturn(okJson("[]")));
        RestAssured.given().auth().oauth2(Tokens.token("sup-2", "supervisor")).get("/api/supervision").then()
                .statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("the work-service did not answer"));
    }
}
