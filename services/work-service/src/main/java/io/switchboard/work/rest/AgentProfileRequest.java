package io.switchboard.work.rest;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * @param capacity per channel, how many items the agent can hold at once (e.g. one call, three WhatsApp chats);
 *                 a channel left out is one the agent does not serve
 * @param regions  postal-code prefixes a technician covers; empty covers everywhere
 * @param wrapUpSeconds how long the agent stays in WRAP_UP after completing an item; left out:
 *                 {@code switchboard.work.wrap-up}
 * @param phoneAddress where an accepted call is connected to the agent: a Twilio Client identity
 *                 ({@code client:anna}), a SIP URI ({@code sip:anna@pbx.example.com}) or a number in E.164
 *                 ({@code +31201234567}); without it, accepted calls are not connected
 * @param desk     where an accepted store visitor's ticket is called to, as the store's queue system (Qminder) names
 *                 the agent: {@code desk:3}, {@code user:15151} or {@code user:15151,desk:3}; without it the ticket
 *                 is called as the queue system's default clerk
 */
public record AgentProfileRequest(
        @NotBlank String name,
        @NotNull Office office,
        List<@NotBlank String> skills,
        List<@NotBlank String> languages,
        List<@NotBlank String> regions,
        Map<Channel, @NotNull @PositiveOrZero Integer> capacity,
        @PositiveOrZero Integer wrapUpSeconds,
        @Pattern(regexp = "client:[A-Za-z0-9_.@-]+|sips?:[^@\\s]+@[^\\s]+|\\+[1-9][0-9]{6,14}",
                message = "must be client:<identity>, sip:<user>@<host> or +<E.164 number>") String phoneAddress,
        @Pattern(regexp = "(user|desk):[^,\\s]+(,(user|desk):[^,\\s]+)?",
                message = "must be desk:<id>, user:<id> or user:<id>,desk:<id>") @Size(max = 100) String desk) {

    public AgentProfileRequest {
        skills = skills == null ? List.of() : skills;
        languages = languages == null ? List.of() : languages;
        regions = regions == null ? List.of() : regions;
        capacity = capacity == null ? Map.of() : capacity;
    }
}
