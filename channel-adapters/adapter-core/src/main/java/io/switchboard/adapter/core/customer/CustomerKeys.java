package io.switchboard.adapter.core.customer;

import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.contracts.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * Derives the customer key that makes one person recognisable across channels: {@code phone:+31612345678}
 * (E.164), {@code email:jan@example.com} (lower-cased) or {@code handle:<network>:<name>} where a network only
 * knows an account. A phone number wins over an e-mail address because phone, WhatsApp and the store desk all
 * know it.
 */
@ApplicationScoped
public class CustomerKeys {

    private final String defaultCountryCode;

    public CustomerKeys(@ConfigProperty(name = "switchboard.customer.default-country-code", defaultValue = "31")
            String defaultCountryCode) {
        this.defaultCountryCode = defaultCountryCode;
    }

    public Optional<String> phone(String raw) {
        return PhoneNumbers.toE164(raw, defaultCountryCode);
    }

    public static Optional<String> email(String raw) {
        if (raw == null || raw.isBlank() || raw.indexOf('@') < 1) {
            return Optional.empty();
        }
        return Optional.of(raw.strip().toLowerCase(Locale.ROOT));
    }

    /** A customer known by phone number, such as a caller or a WhatsApp user. */
    public Customer byPhone(String rawPhone, String name) {
        String phone = phone(rawPhone)
                .orElseThrow(() -> UnmappableException.invalidValue("'" + rawPhone + "' is not a phone number"));
        return new Customer("phone:" + phone, phone, null, null, blankToNull(name));
    }

    /** A customer known by phone number and/or e-mail address; at least one of them is required. */
    public Customer byPhoneOrEmail(String rawPhone, String rawEmail, String name) {
        Optional<String> phone = phone(rawPhone);
        Optional<String> email = email(rawEmail);
        String key = phone.map(p -> "phone:" + p).or(() -> email.map(e -> "email:" + e))
                .orElseThrow(() -> UnmappableException.missingField("phone number or e-mail address"));
        return new Customer(key, phone.orElse(null), email.orElse(null), null, blankToNull(name));
    }

    /**
     * A customer known only by an account on a network ({@code x}, {@code facebook}, {@code instagram}); handles
     * are compared case-insensitively, as the networks do.
     */
    public static Customer byHandle(String network, String handle, String name) {
        if (handle == null || handle.isBlank()) {
            throw UnmappableException.missingField("the sender's " + network + " account");
        }
        String normalised = handle.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
        return new Customer("handle:" + network.toLowerCase(Locale.ROOT) + ":" + normalised, null, null, normalised,
                blankToNull(name));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
