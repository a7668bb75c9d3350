package io.switchboard.work.rest;

import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** {@code intent}, optional: the intent the contact turned out to have, recorded with the escalation's correction. */
public record EscalationRequest(@NotNull Office toOffice, @NotBlank String reason, Intent intent) {
}
