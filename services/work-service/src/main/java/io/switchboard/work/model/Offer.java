package io.switchboard.work.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The next-best offer shown on a work item, and whether the customer took it.
 *
 * @param declinedAt when the agent recorded that the customer said no (a later order of the product still counts)
 * @param value      what the customer paid for it, in {@code currency}, once taken
 * @param source     who recorded the take-up: {@code agent}, or {@code order} (a webshop order matched to it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Offer(UUID workItemId, String product, String agentId, Instant shownAt, Instant acceptedAt,
        Instant declinedAt, BigDecimal value, String currency, String source) {
}
