package io.switchboard.work.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param resolution             the organisation's resolution code, e.g. ANSWERED, ORDER_PLACED, REFUNDED
 * @param firstContactResolution the agent's own judgement that the customer needs no further contact on this
 */
public record CompletionRequest(@NotBlank @Size(max = 200) String resolution, boolean firstContactResolution,
        String notes) {
}
