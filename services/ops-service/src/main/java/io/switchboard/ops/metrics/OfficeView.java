package io.switchboard.ops.metrics;

import io.switchboard.contracts.Office;

import java.util.Map;

/** One office right now, with the same measures as a channel (see {@link ChannelView}). */
public record OfficeView(
        Office office,
        long waiting,
        long inProgress,
        Double oldestWaitSeconds,
        Figures totals,
        Map<String, Figures> windows) {
}
