package io.switchboard.ops.availability;

import io.switchboard.contracts.Channel;

import java.time.Instant;

/**
 * Whether gateways should offer a channel to new customers now.
 *
 * @param expectedWaitSeconds what a contact arriving now is expected to wait; null when it cannot be estimated
 * @param reason              why the channel is open or closed, in words for an operator
 * @param alternative         the open channel with the shortest expected wait, to offer instead; null when none
 * @param businessHours       whether the work-service's calendar has the channel open now, or UNKNOWN (fail-open)
 * @param opensAt             when a channel closed by its business hours opens again; null otherwise
 */
public record ChannelAvailability(
        Channel channel,
        boolean open,
        String reason,
        Double expectedWaitSeconds,
        double maxExpectedWaitSeconds,
        Long agentsAvailable,
        int activeAgents,
        Channel alternative,
        CalendarStatus.BusinessHours businessHours,
        Instant opensAt) {
}
