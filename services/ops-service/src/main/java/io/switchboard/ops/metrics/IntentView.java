package io.switchboard.ops.metrics;

import io.switchboard.contracts.Intent;

import java.util.Map;

/** The contacts of one intent, whatever their channel and office, with the same measures as a channel. */
public record IntentView(Intent intent, Figures totals, Map<String, Figures> windows) {
}
