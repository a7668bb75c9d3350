package io.switchboard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactEventsJsonTest {

    private final ContactReceived contact = ContactReceived.of(Channel.WHATSAPP, "meta-whatsapp", "wamid.ABC",
            Instant.parse("2026-11-23T08:00:00Z"), new Customer("phone:+31612345678", "+31612345678", null, null, "Jan"),
            "Mijn internet doet het niet", "nl", false,
            List.of(new Attachment("image", "media-1", "image/jpeg", null, null)), Map.of("wabaId", "1"));

    @Test
    void contactIdIsDeterministicPerChannelAndProviderMessage() {
        assertThat(ContactIds.of(Channel.WHATSAPP, "wamid.ABC")).isEqualTo(contact.contactId());
        assertThat(ContactIds.of(Channel.SOCIAL, "wamid.ABC")).isNotEqualTo(contact.contactId());
        assertThatThrownBy(() -> ContactIds.of(Channel.PHONE, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routedContactSurvivesJsonRoundTripWithDesignFieldNames() throws Exception {
        ContactRouted routed = new ContactRouted(ContactRouted.SCHEMA_VERSION, contact, Rst.TECHNICAL,
                Intent.FAULT_REPORT, Office.TECHNICIANS, 70, List.of("internet"), 3600, 0.9,
                List.of("phrase 'doet het niet' → FAULT_REPORT"), Instant.parse("2026-11-23T08:00:01Z"));

        String json = Json.mapper().writeValueAsString(routed);
        JsonNode tree = Json.mapper().readTree(json);
        assertThat(tree.path("contact").path("public").asBoolean(true)).isFalse();
        assertThat(tree.path("contact").path("receivedAt").asText()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(tree.path("schemaVersion").asInt()).isEqualTo(1);

        assertThat(Json.mapper().readValue(json, ContactRouted.class)).isEqualTo(routed);
    }

    @Test
    void unknownFieldsFromLaterSchemaVersionsAreIgnored() throws Exception {
        String json = Json.mapper().writeValueAsString(contact).replaceFirst("\\{", "{\"addedLater\":42,");
        assertThat(Json.mapper().readValue(json, ContactReceived.class)).isEqualTo(contact);
    }
}
