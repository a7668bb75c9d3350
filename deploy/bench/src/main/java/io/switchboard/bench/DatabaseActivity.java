package io.switchboard.bench;

import io.switchboard.runtime.PostgresNode;
import io.switchboard.runtime.SwitchboardStack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PostgreSQL did during a phase by its own cumulative statistics: the transactions committed, the write-ahead
 * log written and flushed (a commit waits for its flush), and its housekeeping, checkpoints and autovacuums. A latency
 * tail that coincides with housekeeping shows here. The statistics count a checkpoint when it starts but add its
 * time when it ends, a vacuum when it ends; backends publish theirs about once a second.
 *
 * @param checkpoints           checkpoints that started, timed or requested (PostgreSQL 17 counts skipped ones too)
 * @param checkpointWriteMillis the time writing buffers of the checkpoints that ended, spread over each
 * @param checkpointSyncMillis  their time waiting for the data files' {@code fsync}
 * @param autovacuums           per table, the autovacuums that ended
 */
record DatabaseActivity(long commits, long walBytes, long walFlushes, long checkpoints, double checkpointWriteMillis,
        double checkpointSyncMillis, Map<String, Long> autovacuums) {

    // pg_stat_checkpointer is PostgreSQL 17's; an older server (an external one) keeps these in pg_stat_bgwriter.
    private static final String CHECKPOINTS_17 = """
            SELECT num_timed + num_requested, write_time, sync_time FROM pg_stat_checkpointer""";
    private static final String CHECKPOINTS_OLDER = """
            SELECT checkpoints_timed + checkpoints_req, checkpoint_write_time, checkpoint_sync_time FROM pg_stat_bgwriter""";

    /** The server's counters now, since its start. */
    static DatabaseActivity read(PostgresNode postgres) {
        try (Connection connection = postgres.connect(SwitchboardStack.DATABASE);
             Statement statement = connection.createStatement()) {
            long commits;
            try (ResultSet row = statement.executeQuery(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                row.next();
                commits = row.getLong(1);
            }
            long walBytes;
            long walFlushes;
            try (ResultSet row = statement.executeQuery("SELECT wal_bytes, wal_sync FROM pg_stat_wal")) {
                row.next();
                walBytes = row.getLong(1);
                walFlushes = row.getLong(2);
            }
            boolean version17 = connection.getMetaData().getDatabaseMajorVersion() >= 17;
            long checkpoints;
            double write;
            double sync;
            try (ResultSet row = statement.executeQuery(version17 ? CHECKPOINTS_17 : CHECKPOINTS_OLDER)) {
                row.next();
                checkpoints = row.getLong(1);
                write = row.getDouble(2);
                sync = row.getDouble(3);
            }
            Map<String, Long> autovacuums = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT relname, autovacuum_count FROM pg_stat_user_tables")) {
                while (rows.next()) {
                    autovacuums.put(rows.getString(1), rows.getLong(2));
                }
            }
            return new DatabaseActivity(commits, walBytes, walFlushes, checkpoints, write, sync, autovacuums);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read PostgreSQL's statistics", e);
        }
    }

    /** What happened between {@code earlier} and these counters. */
    DatabaseActivity since(DatabaseActivity earlier) {
        Map<String, Long> vacuumed = new TreeMap<>();
        autovacuums.forEach((table, count) -> {
            long ended = count - earlier.autovacuums.getOrDefault(table, 0L);
            if (ended > 0) {
                vacuumed.put(table, ended);
            }
        });
        return new DatabaseActivity(commits - earlier.commits, walBytes - earlier.walBytes,
                walFlushes - earlier.walFlushes, checkpoints - earlier.checkpoints,
                checkpointWriteMillis - earlier.checkpointWriteMillis, checkpointSyncMillis - earlier.checkpointSyncMillis,
                vacuumed);
    }
}
