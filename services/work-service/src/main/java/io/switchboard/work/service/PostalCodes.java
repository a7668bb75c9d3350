package io.switchboard.work.service;

import java.util.Locale;

/** Postal codes and region prefixes compared without spaces and case: "1012 ab" is in region "1012AB" and "10". */
final class PostalCodes {

    private PostalCodes() {
    }

    static String normalise(String postalCode) {
        if (postalCode == null || postalCode.isBlank()) {
            return null;
        }
        return postalCode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
