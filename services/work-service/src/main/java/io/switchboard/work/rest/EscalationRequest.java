package io.switchboard.work.rest;

import io.switchboard.contracts.Office;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record EscalationRequest(@NotNull Office toOffice, @NotBlank String reason) {
}
