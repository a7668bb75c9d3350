package io.switchboard.bench;

import io.switchboard.runtime.PostgresNode;
import io.switchboard.runtime.SwitchboardStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every webhook that got a 2xx against what the work-service stored: each accepted contact must be in exactly one
 * work item (as its opening contact or a follow-up joined to it). Read straight from PostgreSQL, the
 * work-service's own record.
 */
final class Reconciliation {

    record Outcome(int accepted, int stored, List<String> lost, long duplicated) {
        boolean clean() {
            return lost.isEmpty() && duplicated == 0;
        }

        @Override
        public String toString() {
            return "%,d accepted, %,d stored, %d lost, %d duplicated%s".formatted(accepted, stored, lost.size(),
                    duplicated, lost.isEmpty() ? "" : " (first lost: " + lost.subList(0, Math.min(5, lost.size())) + ")");
        }
    }

    private final PostgresNode postgres;

    Reconciliation(PostgresNode postgres) {
        this.postgres = postgres;
    }

    /** Waits up to {@code patience} for the pipeline to drain, then compares. */
    Outcome reconcile(Set<String> accepted, Duration patience) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Set<String> stored = stored(accepted);
        while (stored.size() < accepted.size() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stored = stored(accepted);
        }
        List<String> lost = new ArrayList<>(accepted);
        lost.removeAll(stored);
        return new Outcome(accepted.size(), stored.size(), lost, duplicated());
    }

    /** Which of {@code contactIds} the work-service holds. */
    Set<String> stored(Set<String> contactIds) throws SQLException {
        Set<String> found = new HashSet<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT contact_id FROM contact_message WHERE contact_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", contactIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    /** Contacts recorded more than once, or opening more than one work item. */
    private long duplicated() throws SQLException {
        try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery("""
                SELECT (SELECT count(*) - count(DISTINCT contact_id) FROM contact_message)
                     + (SELECT count(*) - count(DISTINCT contact_id) FROM work_item)""")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(SwitchboardStack.DATABASE), postgres.user(), postgres.password());
    }
}
