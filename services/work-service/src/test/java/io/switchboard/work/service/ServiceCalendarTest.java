package io.switchboard.work.service;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong calendar stops the start and names its key; the HTTP behaviour is in {@code CalendarTest}. */
class ServiceCalendarTest {

    private static final Map<String, String> ALWAYS = Map.of("default", "MON-SUN 00:00-24:00");

    @Test
    void aWrongHolidayNamesItsKey() {
        assertThatThrownBy(() -> calendar(ALWAYS, Map.of("PHONE.BACK_OFFICE", "2026-12-24, 2026-13-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.calendar.channel-holidays.PHONE.BACK_OFFICE")
                .hasMessageContaining("2026-13-01");
    }

    @Test
    void aMisspeltKeyIsRefusedInsteadOfApplyingNothing() {
        assertThatThrownBy(() -> calendar(ALWAYS, Map.of("PHONE.BACKOFFICE", "2026-12-24")))
                .hasMessageContaining("switchboard.calendar.channel-holidays.PHONE.BACKOFFICE");
        assertThatThrownBy(() -> calendar(Map.of("default", "MON-SUN 00:00-24:00", "FAX", "MON 08:00-18:00"),
                Map.of())).hasMessageContaining("switchboard.calendar.hours.FAX");
    }

    @Test
    void wrongHoursNameTheirKeyAndTheDefaultIsRequired() {
        assertThatThrownBy(() -> calendar(Map.of("default", "MON-SUN 00:00-24:00", "PHONE", "MON-FRY 08:00-18:00"),
                Map.of())).hasMessageContaining("switchboard.calendar.hours.PHONE: 'FRY' is no day");
        assertThatThrownBy(() -> calendar(Map.of("PHONE", "MON-FRI 08:00-18:00"), Map.of()))
                .hasMessage("switchboard.calendar.hours.default is required");
    }

    @Test
    void theMostSpecificHolidaysAddToTheGlobalOnes() {
        ServiceCalendar calendar = calendar(ALWAYS, Map.of("PHONE", "2026-12-24", "PHONE.BACK_OFFICE", "2026-10-26"));
        LocalDate christmas = LocalDate.parse("2026-12-25");
        LocalDate christmasEve = LocalDate.parse("2026-12-24");
        LocalDate october26 = LocalDate.parse("2026-10-26");
        BusinessHours backOffice = calendar.hoursOf(Channel.PHONE, Office.BACK_OFFICE);
        assertThat(List.of(backOffice.isHoliday(christmas), backOffice.isHoliday(october26),
                backOffice.isHoliday(christmasEve))).containsExactly(true, true, false);
        BusinessHours technicians = calendar.hoursOf(Channel.PHONE, Office.TECHNICIANS);
        assertThat(List.of(technicians.isHoliday(christmas), technicians.isHoliday(christmasEve),
                technicians.isHoliday(october26))).containsExactly(true, true, false);
        assertThat(calendar.hoursOf(Channel.STORE, null).isHoliday(christmasEve)).isFalse();
    }

    private static ServiceCalendar calendar(Map<String, String> hours, Map<String, String> channelHolidays) {
        return new ServiceCalendar(new Settings(ZoneId.of("Europe/Amsterdam"), hours,
                Optional.of(List.of(LocalDate.parse("2026-12-25"))), channelHolidays));
    }

    private record Settings(ZoneId zone, Map<String, String> hours, Optional<List<LocalDate>> holidays,
            Map<String, String> channelHolidays) implements CalendarSettings {
    }
}
