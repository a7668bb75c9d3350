package io.switchboard.work.rest;

import io.switchboard.work.model.AgentStatus;
import jakarta.validation.constraints.NotNull;

public record StatusRequest(@NotNull AgentStatus status) {
}
