package io.switchboard.work.rest;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;

public record VisitWindowRequest(@NotNull Instant from, @NotNull Instant to) {
}
