package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a channel knows about the customer. {@code key} identifies the person across channels (for example
 * {@code phone:+31612345678} or {@code email:jan@example.com}); the other fields are filled where known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(String key, String phone, String email, String handle, String name) {

    public Customer {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("customer key is required");
        }
    }
}
