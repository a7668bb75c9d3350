package io.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A message a consumer could not process, published on {@link Topics#CONTACTS_DLQ} with its original key so
 * an operator can inspect and replay it. Nothing is silently dropped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        int schemaVersion,
        String consumer,
        String topic,
        int partition,
        long offset,
        String key,
        String payload,
        String error,
        Instant failedAt) {

    public static final int SCHEMA_VERSION = 1;
}
