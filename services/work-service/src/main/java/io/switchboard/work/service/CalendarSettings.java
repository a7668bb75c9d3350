package io.switchboard.work.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Business hours per channel and office, in configuration: {@code switchboard.calendar.hours.default}, a channel's
 * own ({@code hours.PHONE}) or a channel's for one office ({@code hours."PHONE.BACK_OFFICE"}), the most specific
 * applying; holidays close every channel all day, and {@code channel-holidays.PHONE} or
 * {@code channel-holidays."PHONE.BACK_OFFICE"} close one channel (or one office's) on further days.
 */
@ConfigMapping(prefix = "switchboard.calendar")
public interface CalendarSettings {

    /** The time zone the hours are in; daylight-saving changes keep the local times. */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();

    /** Opening hours such as {@code MON-FRI 08:00-18:00, SAT 09:00-13:00}; {@code default} is required. */
    Map<String, String> hours();

    /** Dates closed all day, e.g. {@code 2026-12-25,2026-12-26}. */
    Optional<List<LocalDate>> holidays();

    /**
     * Further dates closed per channel or channel and office, keyed like {@link #hours()}, e.g.
     * {@code 2026-12-24}; the most specific key adds its dates to {@link #holidays()}. Text, not dates, so that
     * {@link ServiceCalendar} can name the key of a wrong date.
     */
    Map<String, String> channelHolidays();
}
