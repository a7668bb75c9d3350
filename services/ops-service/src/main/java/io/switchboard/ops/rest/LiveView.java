package io.switchboard.ops.rest;

import io.switchboard.contracts.Alert;
import io.switchboard.ops.availability.ChannelAvailability;
import io.switchboard.ops.corrections.RoutingCorrections;
import io.switchboard.ops.metrics.ChannelView;
import io.switchboard.ops.metrics.OfficeView;
import io.switchboard.ops.unmapped.UnmappedDeliveries;

import java.time.Instant;
import java.util.List;

/** One event of the metrics stream: everything the live dashboard shows. */
public record LiveView(
        Instant at,
        List<ChannelView> channels,
        List<OfficeView> offices,
        List<ChannelAvailability> availability,
        List<Alert> alerts,
        UnmappedDeliveries.Summary unmapped,
        RoutingCorrections.Summary corrections) {
}
