package io.switchboard.adapter.core.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A provider's timestamp in whatever form its payload has it: epoch seconds or milliseconds as number or string
 * (WhatsApp, X, Meta), ISO-8601 with or without a colon in the offset (Meta's {@code 2018-03-30T16:25:51+0000}),
 * or an object holding one of these (Qminder's {@code {"date": "..."}}). A time that does not read is no reason to
 * lose the message: the fallback (the time of receipt) stands in.
 */
public final class ProviderTime {

    /** Below this a number is epoch seconds (until the year 5138), above it epoch milliseconds. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");
    private static final List<String> NESTED = List.of("date", "iso", "value", "timestamp", "time");

    private ProviderTime() {
    }

    public static Instant of(JsonNode value, Instant fallback) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return fallback;
        }
        if (value.isNumber()) {
            return epoch(value.asLong());
        }
        if (value.isObject()) {
            return NESTED.stream().filter(value::has).findFirst().map(field -> of(value.get(field), fallback))
                    .orElse(fallback);
        }
        return value.isTextual() ? parse(value.asText().strip(), fallback) : fallback;
    }

    private static Instant parse(String text, Instant fallback) {
        if (text.matches("\\d{1,15}")) {
            return epoch(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException iso) {
            try {
                return OffsetDateTime.parse(text, COMPACT_OFFSET).toInstant();
            } catch (DateTimeParseException compact) {
                return fallback;
            }
        }
    }

    private static Instant epoch(long value) {
        return value < MILLIS_THRESHOLD ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }
}
