package io.switchboard.work.model;

import io.switchboard.contracts.Office;

import java.time.Instant;

/** One hand-over to another office; the list of them travels with the item as its context. */
public record Escalation(Office fromOffice, Office toOffice, String reason, String agentId, Instant at) {
}
