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
 * be any day — one of its own, away from the other tests' contacts. Until a test puts it somewhere, and again once
 * the test lets go of it, it tells the system's time: the tests of that profile that keep no test day (the workspace
 * in a browser, surveys) see the real clock.
 */
@Alternative
@Singleton
public class ReportClock extends Clock {

    /** Where a test put it; null: the system's time. */
    private volatile Instant now;

    void set(Instant instant) {
        now = instant;
    }

    void release() {
        now = null;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        Instant put = now;
        return put == null ? Instant.now() : put;
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
