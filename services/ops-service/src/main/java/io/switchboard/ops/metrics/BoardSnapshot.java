package io.switchboard.ops.metrics;

import io.switchboard.contracts.Channel;

import java.time.Instant;
import java.util.List;

/** Every channel, office and intent at one instant: the body of {@code GET /api/channels/metrics}. */
public record BoardSnapshot(Instant at, List<ChannelView> channels, List<OfficeView> offices,
        List<IntentView> intents) {

    public ChannelView channel(Channel channel) {
        return channels.stream().filter(view -> view.channel() == channel).findFirst().orElseThrow();
    }
}
