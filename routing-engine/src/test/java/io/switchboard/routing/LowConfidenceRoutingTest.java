package io.switchboard.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Uncertainty is a routing decision: a contact classified with less confidence than the rule set's
 * {@code offices.frontOfficeBelowConfidence} goes to the front office for triage, and its explanation says so and
 * names the model version that decided it.
 */
@QuarkusTest
@TestProfile(RulesFileProfile.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class LowConfidenceRoutingTest {

    private static final String FAULT = "Mijn internet doet het al sinds vanochtend niet";

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @AfterEach
    void restore() {
        RulesFileProfile.restoreBundledRulesAndWait();
    }

    @Test
    void contactBelowTheThresholdGoesToTheFrontOfficeForTriage() {
        ContactTraffic traffic = new ContactTraffic(infrastructure.bootstrapServers());
        JsonNode sure = route(traffic);
        assertThat(sure.path("office").asText()).isEqualTo("TECHNICIANS");
        double confidence = sure.path("confidence").asDouble();
        assertThat(confidence).isBetween(0.5, 0.99);
        assertThat(sure.path("explanation").toString()).contains("Classified by model m-");

        String before = Tokens.asOps().get("/api/routing/rules").path("version");
        RulesFileProfile.write(RulesFileProfile.bundledRules()
                .replace("frontOfficeBelowConfidence: 0.5", "frontOfficeBelowConfidence: 0.99"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Tokens.asOps().get("/api/routing/rules").then()
                .body("version", not(equalTo(before))));

        JsonNode unsure = route(traffic);
        assertThat(unsure.path("office").asText()).isEqualTo("FRONT_OFFICE");
        assertThat(unsure.path("rst").asText()).isEqualTo("TECHNICAL");
        assertThat(unsure.path("confidence").asDouble()).isEqualTo(confidence);
        assertThat(unsure.path("explanation").toString())
                .contains("is below 99%: the front office takes it and escalates to TECHNICIANS if needed.")
                .contains("Classified by model m-");
    }

    private static JsonNode route(ContactTraffic traffic) {
        ContactReceived contact = ContactTraffic.contact(Channel.WHATSAPP, ContactTraffic.uniqueCustomer(), FAULT);
        traffic.send(contact);
        return ContactTraffic.read(traffic.routed(contact.contactId()).value());
    }
}
