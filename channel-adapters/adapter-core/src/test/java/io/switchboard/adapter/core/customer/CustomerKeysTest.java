package io.switchboard.adapter.core.customer;

import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.contracts.Customer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerKeysTest {

    private final CustomerKeys keys = new CustomerKeys("31");

    @ParameterizedTest
    @ValueSource(strings = {"+31612345678", "31612345678", "0031612345678", "06-12345678", "06 1234 5678",
            "+31 6 1234 5678", "tel:+31612345678", "(06) 12.34.56.78"})
    void oneCallerIsOnePhoneKeyHoweverTheChannelWritesTheNumber(String written) {
        assertThat(keys.byPhone(written, "Jan").key()).isEqualTo("phone:+31612345678");
    }

    @Test
    void keepsForeignNumbersTheirCountryCode() {
        assertThat(keys.phone("+1 415 867 5309")).contains("+14158675309");
        assertThat(keys.phone("447700900123")).contains("+447700900123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "call me", "+0031612345678", "1234567890123456"})
    void refusesWhatIsNoPhoneNumber(String written) {
        assertThat(keys.phone(written)).isEmpty();
        assertThatThrownBy(() -> keys.byPhone(written, null)).isInstanceOf(UnmappableException.class);
    }

    @Test
    void emailIsLowerCasedAndPhoneWinsWhenBothAreKnown() {
        assertThat(keys.byPhoneOrEmail(null, " Jan.Jansen@Example.COM ", "Jan").key()).isEqualTo("email:jan.jansen@example.com");
        Customer both = keys.byPhoneOrEmail("0612345678", "jan@example.com", "Jan");
        assertThat(both.key()).isEqualTo("phone:+31612345678");
        assertThat(both.email()).isEqualTo("jan@example.com");
        assertThatThrownBy(() -> keys.byPhoneOrEmail("", "not-an-address", null))
                .isInstanceOf(UnmappableException.class);
    }

    @Test
    void handlesAreNamespacedByNetworkAndCaseInsensitive() {
        Customer customer = CustomerKeys.byHandle("X", "@JanJansen", "Jan Jansen");
        assertThat(customer.key()).isEqualTo("handle:x:janjansen");
        assertThat(customer.handle()).isEqualTo("janjansen");
        assertThat(CustomerKeys.byHandle("instagram", "janjansen", null).key()).isNotEqualTo(customer.key());
    }
}
