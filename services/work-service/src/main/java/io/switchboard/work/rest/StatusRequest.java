package io.switchboard.work.rest;

import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.model.AwayReason;
import jakarta.validation.constraints.NotNull;

/** @param reason why the agent is AWAY; only with AWAY */
public record StatusRequest(@NotNull AgentStatus status, AwayReason reason) {
}
