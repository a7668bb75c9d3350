package io.switchboard.work.report;

import jakarta.ws.rs.BadRequestException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A report's {@code from} or {@code to} as people write it: an instant with its offset ({@code 2026-03-29T08:00Z}),
 * a local date-time or a date in the report's zone ({@code 2026-03-29} is that day's local midnight).
 */
final class ReportPeriod {

    private ReportPeriod() {
    }

    static Instant parse(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(name + " is required (e.g. 2026-03-29 or 2026-03-29T08:00:00Z)");
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " is not a date or date-time: " + value);
        }
    }
}
