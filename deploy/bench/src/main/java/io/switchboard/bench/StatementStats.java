package io.switchboard.bench;

import io.switchboard.runtime.PostgresNode;
import io.switchboard.runtime.SwitchboardStack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's own account of a phase, from {@code pg_stat_statements} (the embedded server preloads it): which
 * statements took the database's time, so a phase bound by PostgreSQL shows where to look.
 */
final class StatementStats {

    private static final String TOP = """
            SELECT calls, total_exec_time, rows, shared_blks_hit + shared_blks_read AS buffers, wal_bytes,
                   regexp_replace(query, '\\s+', ' ', 'g') AS query
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
             ORDER BY total_exec_time DESC LIMIT ?""";

    private final PostgresNode postgres;

    StatementStats(PostgresNode postgres) {
        this.postgres = postgres;
    }

    /** Forgets what was counted so far: the next {@link #top} covers only what runs after this. */
    void reset() throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            connection.createStatement().execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The {@code limit} statements that took the most execution time since {@link #reset}. */
    List<Statement> top(int limit) throws SQLException {
        List<Statement> statements = new ArrayList<>();
        try (Connection connection = connect(); var query = connection.prepareStatement(TOP)) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statements.add(new Statement(rows.getString("query"), rows.getLong("calls"),
                            rows.getDouble("total_exec_time"), rows.getLong("rows"), rows.getLong("buffers"),
                            rows.getLong("wal_bytes")));
                }
            }
        }
        return statements;
    }

    private Connection connect() throws SQLException {
        return postgres.connect(SwitchboardStack.DATABASE);
    }

    /**
     * One normalised statement: how often it ran, its execution time in all (ms), the rows it returned, the shared
     * buffers it touched (a scan that walks past dead index entries shows here before it shows in time) and the WAL
     * it wrote, in bytes.
     */
    record Statement(String query, long calls, double totalMillis, long rows, long buffers, long walBytes) {

        /** The statement's start, enough to recognise it in the repository. */
        String head(int length) {
            return query.length() <= length ? query : query.substring(0, length) + " …";
        }
    }
}
