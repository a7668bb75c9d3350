package io.switchboard.ops.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.switchboard.contracts.ContactRouted;

public class ContactRoutedDeserializer extends ObjectMapperDeserializer<ContactRouted> {

    public ContactRoutedDeserializer() {
        super(ContactRouted.class);
    }
}
