package io.switchboard.work.service;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business hours of each channel (and office), parsed once at start so a wrong calendar stops the service
 * instead of answering wrong. Queues are not touched by it: items waiting when a channel closes keep their place for
 * the next opening.
 */
@ApplicationScoped
public class ServiceCalendar {

    static final String DEFAULT = "default";

    private final Map<String, BusinessHours> hours = new HashMap<>();

    public ServiceCalendar(CalendarSettings settings) {
        Set<LocalDate> holidays = Set.copyOf(settings.holidays().orElse(List.of()));
        settings.hours().forEach((key, text) -> {
            try {
                hours.put(key, BusinessHours.parse(text, settings.zone(), holidays));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("switchboard.calendar.hours." + key + ": " + e.getMessage(), e);
            }
        });
        if (!hours.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("switchboard.calendar.hours.default is required");
        }
    }

    /** The hours of the channel for the office, else of the channel, else the default. */
    public BusinessHours hoursOf(Channel channel, Office office) {
        BusinessHours own = office == null ? null : hours.get(channel.name() + "." + office.name());
        return own != null ? own : hours.getOrDefault(channel.name(), hours.get(DEFAULT));
    }
}
