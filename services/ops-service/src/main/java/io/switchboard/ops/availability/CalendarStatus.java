package io.switchboard.ops.availability;

import java.time.Duration;
import java.time.Instant;

/**
 * What the ops-service knows of a channel's business hours, and until when it may rely on that.
 *
 * @param nextChange when the channel next opens (if closed) or closes (if open); null if never or unknown
 * @param validUntil when to ask the work-service again: at the next change, and at least every few minutes
 */
public record CalendarStatus(BusinessHours state, Instant nextChange, Instant validUntil) {

    /** Known answers are kept this long at most, so a changed calendar shows within minutes. */
    static final Duration KNOWN_FOR = Duration.ofMinutes(5);

    public enum BusinessHours {
        OPEN,
        CLOSED,
        /** The work-service's calendar could not be read: the channel is judged by its queue alone (fail-open). */
        UNKNOWN
    }

    static CalendarStatus known(boolean open, Instant nextChange, Instant now) {
        Instant recheck = now.plus(KNOWN_FOR);
        return new CalendarStatus(open ? BusinessHours.OPEN : BusinessHours.CLOSED, nextChange,
                nextChange != null && nextChange.isBefore(recheck) ? nextChange : recheck);
    }

    static CalendarStatus unknown(Instant now, Duration askAgainAfter) {
        return new CalendarStatus(BusinessHours.UNKNOWN, null, now.plus(askAgainAfter));
    }

    boolean staleAt(Instant now) {
        return !now.isBefore(validUntil);
    }
}
