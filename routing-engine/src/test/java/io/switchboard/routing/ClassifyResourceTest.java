package io.switchboard.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The dry run and the rules view of the routing API. */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class ClassifyResourceTest {

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Test
    void dryRunExplainsTheDecisionAndPublishesNothing() {
        String marker = "zx" + UUID.randomUUID().toString().substring(0, 8);
        classify("""
                {"channel":"PHONE","text":"The TV box shows no picture since this morning, reference %s"}
                """.formatted(marker))
                .statusCode(200)
                .body("rst", equalTo("TECHNICAL"))
                .body("intent", equalTo("FAULT_REPORT"))
                .body("office", equalTo("TECHNICIANS"))
                .body("slaSeconds", equalTo(20))
                .body("language", equalTo("en"))
                .body("requiredSkills", hasItem("troubleshooting"))
                .body("explanation[0]", startsWith("RST TECHNICAL (confidence"))
                .body("explanation", hasItem(containsString("Rule set 'default' version")));
        new ContactTraffic(infrastructure.bootstrapServers()).assertNothingRouted(marker, Duration.ofSeconds(2));
    }

    @Test
    void publicComplaintOfAGoldCustomerGetsEveryBoost() {
        classify("""
                {"channel":"SOCIAL","public":true,"text":"Absolutely ridiculous, third week without a refund. Terrible service!",
                 "customer":{"key":"handle:x:angry","tier":"gold"}}
                """)
                .statusCode(200)
                .body("intent", equalTo("COMPLAINT"))
                .body("priority", equalTo(85))
                .body("explanation", hasItem(containsAll("+15 complaint", "+15 public post", "+10 customer tier gold")));
    }

    @Test
    void confidentialMattersGoToTheBackOfficeWhateverTheConfidence() {
        classify("""
                {"channel":"WHATSAPP","text":"Mijn advocaat neemt contact met jullie op over de rekening"}
                """)
                .statusCode(200)
                .body("office", equalTo("BACK_OFFICE"))
                .body("explanation", hasItem(containsString("Confidential by rule 'legal'")));
    }

    @Test
    void badInputIsAProblemDetail() {
        problem(classify("{\"text\":\"hallo\"}")).body("detail", containsString("channel is required"));
        problem(classify("{\"channel\":\"PHONE\",\"text\":\"  \"}")).body("detail", containsString("text is required"));
        problem(classify("{\"channel\":\"FAX\",\"text\":\"hallo\"}")).body("detail", containsString("FAX"));
        problem(classify("{\"channel\":\"PHONE\",\"text\":"));
        problem(classify("{\"channel\":\"PHONE\",\"text\":\"hallo\",\"customer\":{\"name\":\"Jan\"}}"))
                .body("detail", containsString("customer.key is required"));
    }

    @Test
    void activeRulesAreVisible() {
        Tokens.asOps().get("/api/routing/rules").then().statusCode(200)
                .body("source", equalTo("classpath:routing-rules.yaml"))
                .body("version.length()", equalTo(12))
                .body("rules.name", equalTo("default"))
                .body("rules.offices.byRst.SPECIALIST", equalTo("BACK_OFFICE"))
                .body("rules.offices.frontOfficeBelowConfidence", equalTo(0.5f))
                .body("rules.classification.phrases.size()", greaterThan(10))
                .body("rules.slaSeconds.PHONE", equalTo(20));
    }

    /** A string containing every one of {@code parts}. */
    private static Matcher<String> containsAll(String... parts) {
        return Matchers.allOf(Arrays.stream(parts).<Matcher<? super String>>map(Matchers::containsString).toList());
    }

    private static ValidatableResponse classify(String body) {
        return Tokens.asOps().contentType(ContentType.JSON).body(body).post("/api/routing/classify").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response) {
        return response.log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("Invalid contact"))
                .body("type", equalTo("urn:switchboard:problem:invalid-contact"));
    }
}
