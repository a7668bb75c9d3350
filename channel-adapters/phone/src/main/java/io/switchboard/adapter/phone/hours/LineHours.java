package io.switchboard.adapter.phone.hours;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Whether the phone line is open, as the service calendar says.
 *
 * @param open        false only when the calendar was read and says closed
 * @param nextOpening when a closed line opens again, in the calendar's zone; null when open or not known
 * @param validUntil  when this must be read again: the next opening or closing, or the end of the cache period
 */
public record LineHours(boolean open, ZonedDateTime nextOpening, Instant validUntil) {

    /** The calendar could not be read: the line counts as open, so no caller is turned away for it. */
    static LineHours unknown(Instant validUntil) {
        return new LineHours(true, null, validUntil);
    }

    public Optional<ZonedDateTime> opens() {
        return Optional.ofNullable(nextOpening);
    }
}
