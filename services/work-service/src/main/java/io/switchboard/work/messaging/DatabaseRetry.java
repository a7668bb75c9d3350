package io.switchboard.work.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Retries a consumer's database work while the database is away (restart, failover, lost connections), with
 * back-off, so the record is neither acknowledged nor dead-lettered until its effect is stored; the partition waits
 * with it. A failure that waiting cannot cure ({@link #isPermanent}: bad data, a broken statement, a bug) is tried a
 * few times only (a race settles, bad data does not) and then fails, and the consumer dead-letters what cannot be
 * stored — so one bad record never holds its partition forever.
 */
@ApplicationScoped
public class DatabaseRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final int PERMANENT_ERROR_ATTEMPTS = 3;
    /**
     * SQL state classes of a database that is away or busy, not of a wrong statement: connection exception,
     * transaction rollback (serialization, deadlock), insufficient resources, operator intervention (shutdown,
     * cancel), system error; and 55P03, lock not available.
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Vertx vertx;

    public DatabaseRetry(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> run(String what, Supplier<Uni<T>> work) {
        return attempt(what, work, 1);
    }

    private <T> Uni<T> attempt(String what, Supplier<Uni<T>> work, int attempt) {
        return Uni.createFrom().<T>deferred(work::get)
                .onFailure(e -> !isPermanent(e) || attempt < PERMANENT_ERROR_ATTEMPTS)
                .recoverWithUni(e -> {
                    long backoff = Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(attempt, 6));
                    LOG.warnf("%s not stored yet (attempt %d, again in %d ms): %s", what, attempt, backoff, e.toString());
                    return pause(backoff).chain(() -> attempt(what, work, attempt + 1));
                });
    }

    /** A pause that resumes on the caller's Vert.x context, where its database session can be opened again. */
    private Uni<Void> pause(long millis) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(millis, id -> emitter.complete(null)));
    }

    /**
     * Retrying will not help: the database answered with an error about the statement or its data (any SQL state
     * but the transient classes), or the work failed before reaching it (unreadable JSON, a bug). Everything else —
     * refused or closed connections, timeouts, a pool shutting down — is the database being away, retried until it
     * is back.
     */
    public static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                return !state.equals(LOCK_NOT_AVAILABLE)
                        && !TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, Math.min(2, state.length())));
            }
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    || cause instanceof ClassCastException || cause instanceof IndexOutOfBoundsException
                    || cause instanceof ArithmeticException || cause instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }
}
