package io.switchboard.work.rest;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.List;
import java.util.Map;

/**
 * @param capacity per channel, how many items the agent can hold at once (e.g. one call, three WhatsApp chats);
 *                 a channel left out is one the agent does not serve
 * @param regions  postal-code prefixes a technician covers; empty covers everywhere
 * @param wrapUpSeconds how long the agent stays in WRAP_UP after completing an item; left out:
 *                 {@code switchboard.work.wrap-up}
 */
public record AgentProfileRequest(
        @NotBlank String name,
        @NotNull Office office,
        List<@NotBlank String> skills,
        List<@NotBlank String> languages,
        List<@NotBlank String> regions,
        Map<Channel, @NotNull @PositiveOrZero Integer> capacity,
        @PositiveOrZero Integer wrapUpSeconds) {

    public AgentProfileRequest {
        skills = skills == null ? List.of() : skills;
        languages = languages == null ? List.of() : languages;
        regions = regions == null ? List.of() : regions;
        capacity = capacity == null ? Map.of() : capacity;
    }
}
