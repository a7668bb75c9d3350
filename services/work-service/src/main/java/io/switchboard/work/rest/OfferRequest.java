package io.switchboard.work.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/**
 * The holder's word on the item's next-best offer.
 *
 * @param accepted whether the customer took it
 * @param value    what the customer pays for it (required when taken)
 * @param currency ISO 4217, e.g. {@code EUR} (required when taken)
 */
public record OfferRequest(@NotNull Boolean accepted, @DecimalMin("0") BigDecimal value,
        @Pattern(regexp = "[A-Z]{3}", message = "is an ISO 4217 code such as EUR") String currency) {
}
