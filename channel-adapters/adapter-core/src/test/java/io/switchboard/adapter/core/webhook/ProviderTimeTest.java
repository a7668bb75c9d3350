package io.switchboard.adapter.core.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every timestamp form the providers document reads as the same instant. */
class ProviderTimeTest {

    private static final Instant T = Instant.parse("2026-11-30T09:15:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"1796030100", "\"1796030100\"", "1796030100000", "\"1796030100000\"",
            "\"2026-11-30T09:15:00Z\"", "\"2026-11-30T10:15:00+01:00\"", "\"2026-11-30T09:15:00+0000\"",
            "{\"date\":\"2026-11-30T09:15:00.000Z\"}", "{\"date\":\"2026-11-30T09:15:00Z\",\"timezone\":\"UTC\"}"})
    void readsEveryDocumentedForm(String json) throws IOException {
        assertThat(ProviderTime.of(node(json), Instant.EPOCH)).isEqualTo(T);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"yesterday\"", "{\"when\":1}", "[1]", "true"})
    void whatDoesNotReadIsTheFallbackNotAFailure(String json) throws IOException {
        assertThat(ProviderTime.of(node(json), T)).isEqualTo(T);
    }

    private static JsonNode node(String json) throws IOException {
        return new ObjectMapper().readTree(json);
    }
}
