package io.switchboard.work.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening hours in local time of Europe/Amsterdam, across weekends, a holiday and both daylight-saving changes. */
class BusinessHoursTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final BusinessHours phone = BusinessHours.parse("MON-FRI 08:00-18:00, SAT 09:00-13:00", AMSTERDAM,
            Set.of(LocalDate.parse("2026-12-25")));

    @Test
    void openWithinTheHoursOfTheDayAndClosedOutside() {
        // Monday 30 November 2026, CET (UTC+1).
        assertThat(phone.isOpen(Instant.parse("2026-11-30T07:00:00Z"))).isTrue();
        assertThat(phone.isOpen(Instant.parse("2026-11-30T06:59:59Z"))).isFalse();
        assertThat(phone.isOpen(Instant.parse("2026-11-30T17:00:00Z"))).isFalse();
        assertThat(phone.nextChange(Instant.parse("2026-11-30T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        // Saturday afternoon: closed until Monday 08:00.
        assertThat(phone.isOpen(Instant.parse("2026-12-05T12:30:00Z"))).isFalse();
        assertThat(phone.nextChange(Instant.parse("2026-12-05T12:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
    }

    @Test
    void aHolidayIsClosedAllDay() {
        Instant christmasMorning = Instant.parse("2026-12-25T09:00:00Z");
        assertThat(phone.isOpen(christmasMorning)).isFalse();
        assertThat(phone.isHoliday(LocalDate.parse("2026-12-25"))).isTrue();
        assertThat(phone.spansOn(LocalDate.parse("2026-12-25"))).isEmpty();
        assertThat(phone.nextChange(christmasMorning)).isEqualTo(Instant.parse("2026-12-26T08:00:00Z"));
    }

    @Test
    void localHoursStayAcrossDaylightSavingChanges() {
        // Sunday 29 March 2026 the clocks go forward: Monday opens at 08:00 CEST, 06:00 UTC.
        assertThat(phone.nextChange(Instant.parse("2026-03-28T13:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
        assertThat(phone.isOpen(Instant.parse("2026-03-27T06:30:00Z"))).isFalse();
        assertThat(phone.isOpen(Instant.parse("2026-03-30T06:30:00Z"))).isTrue();
        // Sunday 25 October 2026 they go back: Monday opens at 08:00 CET, 07:00 UTC.
        assertThat(phone.nextChange(Instant.parse("2026-10-24T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        assertThat(phone.isOpen(Instant.parse("2026-10-23T06:30:00Z"))).isTrue();
        assertThat(phone.isOpen(Instant.parse("2026-10-26T06:30:00Z"))).isFalse();
    }

    @Test
    void alwaysOpenNeverChanges() {
        BusinessHours always = BusinessHours.parse("MON-SUN 00:00-24:00", AMSTERDAM, Set.of());
        assertThat(always.isOpen(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
        assertThat(always.nextChange(Instant.parse("2026-03-29T01:30:00Z"))).isNull();
    }

    @Test
    void invalidHoursAreRefusedWithTheReason() {
        assertThatThrownBy(() -> BusinessHours.parse("MON-FRY 08:00-18:00", AMSTERDAM, Set.of()))
                .hasMessageContaining("'FRY' is no day");
        assertThatThrownBy(() -> BusinessHours.parse("MON 18:00-08:00", AMSTERDAM, Set.of()))
                .hasMessageContaining("closes before it opens");
        assertThatThrownBy(() -> BusinessHours.parse("weekdays", AMSTERDAM, Set.of()))
                .hasMessageContaining("not like 'MON-FRI 08:00-18:00'");
    }
}
