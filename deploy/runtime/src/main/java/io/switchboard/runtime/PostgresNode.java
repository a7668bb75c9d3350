package io.switchboard.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL for Switchboard: embedded binaries from Maven Central (a real postgres server process with its data
 * under a local folder), or an existing server given as a JDBC URL.
 */
public final class PostgresNode implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDir;
    private final int port;
    private final String externalJdbcUrl;
    private final String externalUser;
    private final String externalPassword;
    private EmbeddedPostgres embedded;

    private PostgresNode(Path dataDir, int port, String externalJdbcUrl, String externalUser, String externalPassword) {
        this.dataDir = dataDir;
        this.port = port;
        this.externalJdbcUrl = externalJdbcUrl;
        this.externalUser = externalUser;
        this.externalPassword = externalPassword;
    }

    /** Embedded server on {@code port} with its data under {@code dataDir}, kept across restarts. */
    public static PostgresNode embedded(Path dataDir, int port) {
        return new PostgresNode(dataDir, port, null, null, null);
    }

    /** An existing server, e.g. {@code jdbc:postgresql://localhost:5432/switchboard}. */
    public static PostgresNode external(String jdbcUrl, String user, String password) {
        return new PostgresNode(null, -1, jdbcUrl, user, password);
    }

    public boolean isEmbedded() {
        return externalJdbcUrl == null;
    }

    public synchronized PostgresNode start() {
        if (isEmbedded() && embedded == null) {
            try {
                Files.createDirectories(dataDir);
                Path work = dataDir.resolveSibling(dataDir.getFileName() + "-work");
                Files.createDirectories(work);
                embedded = EmbeddedPostgres.builder()
                        .setPort(port)
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(work.toFile())
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "on")
                        // The embedded builder's default is "off", which lets a crash lose transactions that were
                        // reported committed, after the work-service had already acknowledged their Kafka records.
                        .setServerConfig("synchronous_commit", "on")
                        // Statement statistics for whoever profiles the stack (deploy/bench reports the agents'
                        // statements from it); it costs about 1 % of the statements' time.
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start embedded PostgreSQL on port " + port, e);
            }
        }
        return this;
    }

    public synchronized void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("could not stop embedded PostgreSQL", e);
            }
            embedded = null;
        }
    }

    /** The postmaster's pid of the embedded server, from its {@code postmaster.pid}. */
    public java.util.Optional<Long> pid() {
        Path pidFile = dataDir == null ? null : dataDir.resolve("postmaster.pid");
        try {
            return pidFile != null && Files.exists(pidFile)
                    ? java.util.Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** SIGKILL to the postmaster: a crash, recovered from the write-ahead log by the next {@link #start()}. */
    public synchronized void kill() {
        pid().flatMap(ProcessHandle::of).ifPresent(postmaster -> {
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        });
        if (embedded != null) {
            // Releases the working-directory lock this JVM holds; its "pg_ctl stop" finds no server, as intended.
            try {
                embedded.close();
            } catch (IOException | RuntimeException e) {
                // The server is already gone; nothing else to release.
            }
            embedded = null;
        }
    }

    public String user() {
        return isEmbedded() ? USER : externalUser;
    }

    public String password() {
        return isEmbedded() ? "postgres" : externalPassword;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        if (isEmbedded()) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }
        URI server = URI.create(externalJdbcUrl.substring("jdbc:".length()));
        return "jdbc:postgresql://" + server.getHost() + ":" + (server.getPort() < 0 ? 5432 : server.getPort())
                + "/" + database;
    }

    /** A JDBC connection to {@code database} on this server, as its user. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), password());
    }

    /** The Vert.x reactive client URL of {@code database} on this server. */
    public String reactiveUrl(String database) {
        return jdbcUrl(database).substring("jdbc:".length());
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
