package io.switchboard.work;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The work-service's clock for report and privacy tests (enabled by {@link ReportTest.OnReportClock}): it stands still
 * where a test puts it and moves only when the test says, so waits and handling times are exact and a test day can
 * be any day — one of its own, away from the other tests' contacts.
 */
@Alternative
@Singleton
public class ReportClock extends Clock {

    private volatile Instant now = Instant.now();

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the work-service reads instants only");
    }
}
