package io.switchboard.work.rest;

import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Rst;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The class the agent says the contact has, and why (short: it is kept for review, not learnt from). */
public record ClassificationRequest(@NotNull Rst rst, @NotNull Intent intent, @NotBlank @Size(max = 300) String reason) {
}
