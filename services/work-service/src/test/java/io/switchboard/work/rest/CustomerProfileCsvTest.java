package io.switchboard.work.rest;

import io.switchboard.work.model.CustomerProfile;
import io.switchboard.work.service.WorkRequestRejected;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The profile import reads CSV as spreadsheets write it: quoted fields with commas and quotes, blank lines. */
class CustomerProfileCsvTest {

    @Test
    void quotedNamesWithCommasAndQuotesStayWhole() {
        List<CustomerProfile> profiles = CustomerProfileCsv.parse("""
                customerKey,name,segment,products
                phone:+31612345678,"Jansen, Jan",consumer,internet;mobile

                email:bea@example.com,"Bea ""B"" de Vries",business,
                """);
        assertThat(profiles).extracting(profile -> profile.name).containsExactly("Jansen, Jan", "Bea \"B\" de Vries");
        assertThat(profiles.get(0).products).containsExactly("internet", "mobile");
        assertThat(profiles.get(1).products).isEmpty();
    }

    @Test
    void aMissingHeaderOrAnIncompleteRecordIsA400NamingIt() {
        assertThatThrownBy(() -> CustomerProfileCsv.parse("key,name\n")).isInstanceOf(WorkRequestRejected.class)
                .hasMessageContaining("header customerKey,name,segment,products");
        assertThatThrownBy(() -> CustomerProfileCsv.parse("customerKey,name,segment,products\nk-1,A,,tv\n"))
                .isInstanceOf(WorkRequestRejected.class).hasMessageContaining("record 2");
    }
}
