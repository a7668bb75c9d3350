package io.switchboard.ops.metrics;

import io.switchboard.contracts.Channel;

import java.util.List;
import java.util.Map;

/**
 * One channel right now: its queue, its agents, and its measures over the sliding windows ({@code 1m},
 * {@code 5m}, {@code 15m}) and since the start.
 *
 * @param waiting           contacts queued or reserved for an agent but not yet accepted
 * @param inProgress        contacts accepted and not yet completed, escalated or released
 * @param oldestWaitSeconds how long the longest-waiting contact has waited so far, null when none waits
 * @param activeAgents      agents seen working this channel in the last 15 minutes
 * @param agentsAvailable   available agents who can take this channel, as the work-service last reported them
 *                          ({@code agents.available} on {@code channel.metrics}); null when not reported
 * @param itemsStranded     contacts waiting with no eligible agent on duty (skill, language, region, capacity), as
 *                          the work-service last reported them ({@code items.stranded}); null when not reported
 * @param receivedPerMinute contacts received per minute over the last 15 minutes, oldest first
 * @param reported          the counters producers reported on {@code channel.metrics}, summed over instances
 */
public record ChannelView(
        Channel channel,
        long waiting,
        long inProgress,
        Double oldestWaitSeconds,
        double serviceLevelTargetSeconds,
        double serviceLevelGoal,
        int activeAgents,
        Long agentsAvailable,
        Long itemsStranded,
        Figures totals,
        Map<String, Figures> windows,
        List<Long> receivedPerMinute,
        Map<String, Long> reported) {
}
