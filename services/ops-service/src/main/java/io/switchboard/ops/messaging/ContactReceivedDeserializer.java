package io.switchboard.ops.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.switchboard.contracts.ContactReceived;

public class ContactReceivedDeserializer extends ObjectMapperDeserializer<ContactReceived> {

    public ContactReceivedDeserializer() {
        super(ContactReceived.class);
    }
}
