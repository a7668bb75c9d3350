package io.switchboard.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A changed rules file decides the next contact, without a restart; a broken one changes nothing. */
@QuarkusTest
@TestProfile(RulesFileProfile.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class RuleReloadTest {

    private static final String FAULT = """
            {"channel":"WHATSAPP","text":"Mijn internet doet het al sinds vanochtend niet"}
            """;

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @AfterEach
    void restore() {
        RulesFileProfile.restoreBundledRulesAndWait();
    }

    @Test
    void editedRulesDecideTheNextContactWithoutRestart() {
        Tokens.asOps().get("/api/routing/rules").then().statusCode(200)
                .body("source", equalTo(RulesFileProfile.RULES.toString()));
        String before = Tokens.asOps().get("/api/routing/rules").path("version");
        classify().body("office", equalTo("TECHNICIANS")).body("slaSeconds", equalTo(300));

        // This organisation lets its front office handle fault reports, and answers WhatsApp faster.
        RulesFileProfile.write(RulesFileProfile.bundledRules()
                .replace("    SWITCHBOARD: FRONT_OFFICE\n", "    SWITCHBOARD: FRONT_OFFICE\n    FAULT_REPORT: FRONT_OFFICE\n")
                .replace("  WHATSAPP: 300\n", "  WHATSAPP: 120\n"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Tokens.asOps().get("/api/routing/rules").then()
                .body("version", not(equalTo(before)))
                .body("rules.offices.byIntent.FAULT_REPORT", equalTo("FRONT_OFFICE")));
        classify().body("office", equalTo("FRONT_OFFICE")).body("slaSeconds", equalTo(120))
                .body("explanation", hasItem("Intent FAULT_REPORT is handled by FRONT_OFFICE."));

        ContactTraffic traffic = new ContactTraffic(infrastructure.bootstrapServers());
        ContactReceived contact = ContactTraffic.contact(Channel.WHATSAPP, ContactTraffic.uniqueCustomer(),
                "Mijn internet doet het al sinds vanochtend niet");
        traffic.send(contact);
        String routed = traffic.routed(contact.contactId()).value();
        assertThat(ContactTraffic.read(routed).path("office").asText()).isEqualTo("FRONT_OFFICE");
        assertThat(ContactTraffic.read(routed).path("slaSeconds").asInt()).isEqualTo(120);
    }

    @Test
    void brokenRulesAreRefusedAndTheActiveRulesStay() {
        String before = Tokens.asOps().get("/api/routing/rules").path("version");

        RulesFileProfile.write(RulesFileProfile.bundledRules()
                .replace("frontOfficeBelowConfidence: 0.5", "frontOfficeBelowConfidence: 1.5")
                .replace("    TECHNICAL: TECHNICIANS\n", ""));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Tokens.asOps().get("/api/routing/rules").then()
                .body("refusedChange.error", containsString("offices.byRst has no office for TECHNICAL"))
                .body("refusedChange.error", containsString("frontOfficeBelowConfidence must be between 0 and 1")));
        Tokens.asOps().get("/api/routing/rules").then().body("version", equalTo(before));
        classify().statusCode(200).body("office", equalTo("TECHNICIANS"));

        RulesFileProfile.write("offices: [not, a, map");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Tokens.asOps().get("/api/routing/rules").then()
                .body("refusedChange.error", containsString("not valid routing rules YAML")));
        Tokens.asOps().get("/api/routing/rules").then().body("version", equalTo(before));
    }

    private static ValidatableResponse classify() {
        return Tokens.asOps().contentType(ContentType.JSON).body(FAULT).post("/api/routing/classify").then();
    }
}
