package io.switchboard.adapter.core.webhook;

/** Untrusted text (request paths, provider payload details) made safe for one log line. */
public final class LogText {

    private LogText() {
    }

    /** CR and LF written as {@code \r} and {@code \n}, so a request cannot start a forged log line. */
    public static String escape(String text) {
        return text == null ? null : text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }
}
