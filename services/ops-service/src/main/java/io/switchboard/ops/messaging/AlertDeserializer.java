package io.switchboard.ops.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.switchboard.contracts.Alert;

public class AlertDeserializer extends ObjectMapperDeserializer<Alert> {

    public AlertDeserializer() {
        super(Alert.class);
    }
}
