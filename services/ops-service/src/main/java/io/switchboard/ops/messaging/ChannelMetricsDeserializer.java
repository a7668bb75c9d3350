package io.switchboard.ops.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.switchboard.contracts.ChannelMetrics;

public class ChannelMetricsDeserializer extends ObjectMapperDeserializer<ChannelMetrics> {

    public ChannelMetricsDeserializer() {
        super(ChannelMetrics.class);
    }
}
