package io.switchboard.adapter.core.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void lineBreaksCannotStartAForgedLogLine() {
        assertThat(LogText.escape("/webhooks/x\r\n2026-11-30 INFO forged")).isEqualTo("/webhooks/x\\r\\n2026-11-30 INFO forged")
                .doesNotContain("\n").doesNotContain("\r");
    }
}
