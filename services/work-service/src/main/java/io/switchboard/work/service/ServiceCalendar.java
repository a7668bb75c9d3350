package io.switchboard.work.service;

import io.quarkus.runtime.Startup;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business hours and holidays of each channel (and office), resolved at start ({@code @Startup}, not at the
 * first call) so a wrong calendar stops the service instead of answering wrong. Queues are not touched by it: items waiting when a channel closes keep
 * their place for the next opening.
 */
@Startup
@ApplicationScoped
public class ServiceCalendar {

    static final String DEFAULT = "default";

    /** Per {@code CHANNEL} and {@code CHANNEL.OFFICE}: the hours and holidays of the most specific keys. */
    private final Map<String, BusinessHours> calendars = new HashMap<>();

    public ServiceCalendar(CalendarSettings settings) {
        if (!settings.hours().containsKey(DEFAULT)) {
            throw new IllegalArgumentException("switchboard.calendar.hours.default is required");
        }
        Set<String> keys = calendarKeys();
        Set<String> hoursKeys = new HashSet<>(keys);
        hoursKeys.add(DEFAULT);
        requireKnown("switchboard.calendar.hours.", settings.hours().keySet(), hoursKeys);
        requireKnown("switchboard.calendar.channel-holidays.", settings.channelHolidays().keySet(), keys);
        Set<LocalDate> global = Set.copyOf(settings.holidays().orElse(List.of()));
        Map<String, Set<LocalDate>> holidays = new HashMap<>();
        settings.channelHolidays().forEach((key, dates) -> holidays.put(key, withGlobal(global, key, dates)));
        for (String key : keys) {
            String hoursKey = mostSpecific(key, settings.hours());
            try {
                calendars.put(key, BusinessHours.parse(settings.hours().get(hoursKey), settings.zone(),
                        holidays.getOrDefault(mostSpecific(key, holidays), global)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("switchboard.calendar.hours." + hoursKey + ": " + e.getMessage(), e);
            }
        }
    }

    /** The hours of the channel for the office, else of the channel, else the default. */
    public BusinessHours hoursOf(Channel channel, Office office) {
        return calendars.get(office == null ? channel.name() : channel.name() + "." + office.name());
    }

    /** Every key a calendar can be asked for: each channel, and each channel with each office. */
    private static Set<String> calendarKeys() {
        Set<String> keys = new HashSet<>();
        for (Channel channel : Channel.values()) {
            keys.add(channel.name());
            Arrays.stream(Office.values()).forEach(office -> keys.add(channel.name() + "." + office.name()));
        }
        return keys;
    }

    /** A misspelt key would silently apply nothing, so it stops the start like a wrong value. */
    private static void requireKnown(String prefix, Set<String> configured, Set<String> known) {
        configured.stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException(prefix + key + ": not a channel (" + Arrays.toString(Channel.values())
                    + ") or \"CHANNEL.OFFICE\" (" + Arrays.toString(Office.values()) + ")");
        });
    }

    /** {@code PHONE.BACK_OFFICE} if configured, else {@code PHONE}, else {@code default}. */
    private static String mostSpecific(String key, Map<String, ?> configured) {
        if (configured.containsKey(key)) {
            return key;
        }
        String channel = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        return configured.containsKey(channel) ? channel : DEFAULT;
    }

    private static Set<LocalDate> withGlobal(Set<LocalDate> global, String key, String dates) {
        Set<LocalDate> all = new HashSet<>(global);
        for (String date : dates.split(",")) {
            try {
                all.add(LocalDate.parse(date.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("switchboard.calendar.channel-holidays." + key + ": '" + date.trim()
                        + "' is not a date like 2026-12-24", e);
            }
        }
        return all;
    }
}
