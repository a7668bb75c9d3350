package io.switchboard.ops.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.switchboard.contracts.LifecycleEvent;

public class LifecycleEventDeserializer extends ObjectMapperDeserializer<LifecycleEvent> {

    public LifecycleEventDeserializer() {
        super(LifecycleEvent.class);
    }
}
