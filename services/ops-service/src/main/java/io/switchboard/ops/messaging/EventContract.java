package io.switchboard.ops.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * What the ops-service accepts of one topic's records: JSON of the contract record, of the schema version it
 * knows, with the fields it cannot count without. Anything else is refused before it changes a count, so a bad
 * record goes to the dead-letter topic instead of leaving half an update behind.
 */
record EventContract<T>(Class<T> type, int knownVersion, ToIntFunction<T> versionOf, Predicate<T> complete) {

    /** Reads a record's value straight into the contract record (no tree in between), checks it, applies it. */
    Consumer<byte[]> handler(ObjectMapper mapper, Consumer<T> effect) {
        ObjectReader reader = mapper.readerFor(type);
        String name = type.getSimpleName();
        return json -> {
            if (json == null) {
                throw new IllegalArgumentException("record without a value");
            }
            T event;
            try {
                event = reader.readValue(json);
            } catch (IOException e) {
                throw new IllegalArgumentException("not a " + name + ": " + e.getMessage(), e);
            }
            if (event == null) {
                throw new IllegalArgumentException("not a " + name + ": null");
            }
            if (versionOf.applyAsInt(event) != knownVersion) {
                throw new IllegalArgumentException("%s of schema version %d; this service reads version %d"
                        .formatted(name, versionOf.applyAsInt(event), knownVersion));
            }
            if (!complete.test(event)) {
                throw new IllegalArgumentException(name + " without a field the board needs");
            }
            effect.accept(event);
        };
    }
}
