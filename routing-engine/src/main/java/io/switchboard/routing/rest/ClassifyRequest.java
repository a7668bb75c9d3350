package io.switchboard.routing.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.Customer;
import io.switchboard.routing.policy.OfficeDecision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A contact to classify without routing it. {@code customer} is optional; with a key, the engine's memory of
 * that customer's recent contacts counts, and {@code tier} gets its priority boost.
 */
public record ClassifyRequest(
        @NotNull(message = "channel is required") Channel channel,
        @NotBlank(message = "text is required") @Size(max = 10_000, message = "text is longer than 10000 characters")
        String text,
        @Valid CustomerFacts customer,
        @JsonProperty("public") Boolean publicPost,
        String language) {

    public record CustomerFacts(@NotBlank(message = "customer.key is required") String key, String phone,
            String email, String handle, String name, String tier) {
    }

    ContactReceived toContact() {
        Map<String, String> metadata = new HashMap<>();
        if (customer != null && customer.tier() != null) {
            metadata.put(OfficeDecision.CUSTOMER_TIER, customer.tier());
        }
        Customer known = customer == null ? null
                : new Customer(customer.key(), customer.phone(), customer.email(), customer.handle(), customer.name());
        return new ContactReceived(ContactReceived.SCHEMA_VERSION, null, channel, "dry-run", null, Instant.now(), known,
                text, language, Boolean.TRUE.equals(publicPost), List.of(), metadata);
    }
}
