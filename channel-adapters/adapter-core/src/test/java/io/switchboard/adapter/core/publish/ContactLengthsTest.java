package io.switchboard.adapter.core.publish;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields longer than the work-service's columns are cut with a marker, so a valid contact never fails there. */
class ContactLengthsTest {

    @Test
    void fieldsAboveTheirColumnSizeAreCutWithAMarker() {
        String longName = "J".repeat(1000);
        ContactReceived contact = ContactReceived.of(Channel.SOCIAL, "x", "1", Instant.EPOCH,
                new Customer("handle:x:" + "a".repeat(400), null, null, "a".repeat(400), longName), "text",
                "nl-NL-x-" + "z".repeat(30), true, List.of(), Map.of());

        ContactReceived fitted = ContactLengths.fit(contact);

        assertThat(fitted.customer().key()).hasSize(ContactLengths.KEY).endsWith(ContactLengths.MARKER);
        assertThat(fitted.customer().handle()).hasSize(ContactLengths.HANDLE).endsWith(ContactLengths.MARKER);
        assertThat(fitted.customer().name()).hasSize(ContactLengths.NAME).startsWith("JJJ").endsWith(ContactLengths.MARKER);
        assertThat(fitted.language()).hasSize(ContactLengths.LANGUAGE).endsWith(ContactLengths.MARKER);
        assertThat(fitted.contactId()).isEqualTo(contact.contactId());
        assertThat(fitted.text()).isEqualTo("text");
    }

    @Test
    void fieldsThatFitAreUntouchedAndNoSurrogatePairIsSplit() {
        assertThat(ContactLengths.cut("Jan Jansen", ContactLengths.NAME)).isEqualTo("Jan Jansen");
        String emoji = "😀".repeat(200);
        String cut = ContactLengths.cut(emoji, ContactLengths.NAME);
        assertThat(cut.length()).isLessThanOrEqualTo(ContactLengths.NAME);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - ContactLengths.MARKER.length() - 1))).isFalse();
    }
}
