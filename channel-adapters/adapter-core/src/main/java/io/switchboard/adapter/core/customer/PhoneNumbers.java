package io.switchboard.adapter.core.customer;

import java.util.Optional;

/**
 * Writes phone numbers as E.164 ({@code +31612345678}) whatever way a channel delivers them: international with
 * {@code +} or {@code 00}, WhatsApp's bare digits with country code, or national with a trunk {@code 0} in the
 * organisation's own country, with spaces, dashes, dots or brackets in between.
 */
public final class PhoneNumbers {

    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;

    private PhoneNumbers() {
    }

    /**
     * @param defaultCountryCode country calling code (digits, e.g. {@code 31}) for national numbers
     * @return the E.164 form, or empty when {@code raw} is not a phone number
     */
    public static Optional<String> toE164(String raw, String defaultCountryCode) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.startsWith("tel:")) {
            trimmed = trimmed.substring(4);
        }
        boolean international = trimmed.startsWith("+");
        StringBuilder digits = new StringBuilder();
        for (char c : trimmed.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c != '+' && c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
                return Optional.empty();
            }
        }
        String number;
        if (international) {
            number = digits.toString();
        } else if (digits.indexOf("00") == 0) {
            number = digits.substring(2);
        } else if (digits.indexOf("0") == 0) {
            number = defaultCountryCode + digits.substring(1);
        } else {
            // Without + or trunk prefix the number carries its country code (WhatsApp's wa_id, Twilio's caller id).
            number = digits.toString();
        }
        if (number.length() < MIN_DIGITS || number.length() > MAX_DIGITS || number.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of("+" + number);
    }
}
