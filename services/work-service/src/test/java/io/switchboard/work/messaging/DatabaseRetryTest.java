package io.switchboard.work.messaging;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures the consumers wait out and which they dead-letter after a few attempts. */
class DatabaseRetryTest {

    @Test
    void aDatabaseThatIsAwayOrBusyIsWaitedFor() {
        assertThat(DatabaseRetry.isPermanent(new ConnectException("Connection refused"))).isFalse();
        assertThat(DatabaseRetry.isPermanent(ClosedConnectionException.INSTANCE)).isFalse();
        assertThat(DatabaseRetry.isPermanent(pg("57P01"))).as("admin shutdown").isFalse();
        assertThat(DatabaseRetry.isPermanent(pg("08006"))).as("connection failure").isFalse();
        assertThat(DatabaseRetry.isPermanent(pg("40P01"))).as("deadlock").isFalse();
        assertThat(DatabaseRetry.isPermanent(pg("53300"))).as("too many connections").isFalse();
        assertThat(DatabaseRetry.isPermanent(pg("55P03"))).as("lock not available").isFalse();
    }

    @Test
    void badDataBrokenStatementsAndBugsAreNotRetriedForever() {
        assertThat(DatabaseRetry.isPermanent(pg("22001"))).as("value too long").isTrue();
        assertThat(DatabaseRetry.isPermanent(pg("23502"))).as("not null violation").isTrue();
        assertThat(DatabaseRetry.isPermanent(pg("42P01"))).as("undefined table").isTrue();
        assertThat(DatabaseRetry.isPermanent(pg("XX000"))).as("internal error").isTrue();
        assertThat(DatabaseRetry.isPermanent(new IllegalArgumentException("unreadable"))).isTrue();
        assertThat(DatabaseRetry.isPermanent(new RuntimeException("wrapped", new NullPointerException()))).isTrue();
    }

    private static PgException pg(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, null);
    }
}
