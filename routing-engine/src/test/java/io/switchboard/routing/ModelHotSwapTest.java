package io.switchboard.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.routing.classification.AgentCorrections;
import io.switchboard.routing.classification.LabelledContacts;
import io.switchboard.routing.classification.ModelDirectory;
import io.switchboard.routing.classification.ModelVersions;
import io.switchboard.routing.classification.PromotionRule;
import io.switchboard.routing.classification.RetrainOutcome;
import io.switchboard.routing.policy.RoutingRulesStore;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A running engine picks up a promoted model without a restart: another engine (here the retrain run in the
 * test's JVM, writing the shared model directory) promotes a version, and the next contact routed from
 * {@code contacts.inbound} names it in {@code modelVersion}. Supervisors retrain through the API; a candidate that
 * is no better is refused and shown with why.
 */
@QuarkusTest
@TestProfile(ModelDirectoryProfile.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelHotSwapTest {

    private static final String FAULT = "Mijn internet doet het al sinds vanochtend niet";

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    @Order(1)
    void aVersionPromotedElsewhereIsPickedUpByTheRunningEngine() {
        ContactTraffic traffic = new ContactTraffic(infrastructure.bootstrapServers());
        String bundled = Tokens.asOps().get("/api/routing/model").then().statusCode(200)
                .body("promotion", nullValue()).body("corrections", equalTo(0))
                .extract().path("version");
        assertThat(route(traffic).path("modelVersion").asText()).isEqualTo(bundled);

        ModelVersions elsewhere = new ModelVersions(new ModelDirectory(ModelDirectoryProfile.MODELS),
                LabelledContacts.bundled(), PromotionRule.DEFAULT);
        RetrainOutcome promoted = elsewhere.retrain(elsewhere.active(), AgentCorrections.sample(),
                new RoutingRulesStore(Optional.empty(), Duration.ofDays(1)).current()).outcome();
        assertThat(promoted.promoted()).as(promoted.reason()).isTrue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Tokens.asOps().get("/api/routing/model").then()
                .body("version", equalTo(promoted.candidate())).body("corrections", equalTo(8))
                .body("promotion.current", equalTo(bundled))
                .body("promotion.candidateFigures.validatedOn", equalTo(promoted.trainedOn())));
        JsonNode routed = route(traffic);
        assertThat(routed.path("modelVersion").asText()).isEqualTo(promoted.candidate());
        assertThat(routed.path("explanation").toString()).contains("Classified by model " + promoted.candidate());
    }

    @Test
    @Order(2)
    void aSupervisorsRetrainWithoutNewCorrectionsIsRefusedAndShownWithWhy() {
        String active = Tokens.asOps().get("/api/routing/model").path("version");
        // The topic holds what the active version learnt, nothing more.
        new ContactTraffic(infrastructure.bootstrapServers()).correct(ModelDirectoryProfile.CORRECTIONS_TOPIC,
                AgentCorrections.sample());

        Tokens.asSupervisor().post("/api/routing/model/retrain").then().statusCode(200)
                .body("promoted", equalTo(false)).body("current", equalTo(active))
                .body("corrections", equalTo(8)).body("correctionsBySource.AGENT", equalTo(5))
                .body("correctionsBySource.ESCALATION", equalTo(3))
                .body("reason", equalTo("the candidate is the active model: no new corrections"));

        Tokens.asOps().get("/api/routing/model").then().statusCode(200)
                .body("version", equalTo(active))
                .body("refused.reason", startsWith("the candidate is the active model"));
    }

    @Test
    @Order(3)
    void onlySupervisorsRetrain() {
        Tokens.asOps().post("/api/routing/model/retrain").then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.token("agent-1", "agent")).get("/api/routing/model").then()
                .statusCode(403);
        RestAssured.post("/api/routing/model/retrain").then().statusCode(401);
    }


    private static JsonNode route(ContactTraffic traffic) {
        ContactReceived contact = ContactTraffic.contact(Channel.WHATSAPP, ContactTraffic.uniqueCustomer(), FAULT);
        traffic.send(contact);
        return ContactTraffic.read(traffic.routed(contact.contactId()).value());
    }
}
