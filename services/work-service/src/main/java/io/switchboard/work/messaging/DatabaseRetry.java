package io.switchboard.work.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * Retries a consumer's database work while the database is away (restart, failover), with back-off, so the record
 * is neither acknowledged nor dead-lettered until its effect is stored; the partition waits with it. Errors about
 * the data itself (SQL states 22, 23, 42) are retried a few times only (a race settles, bad data does not) and
 * then fail, and the consumer dead-letters what cannot be stored.
 */
@ApplicationScoped
public class DatabaseRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final int DATA_ERROR_ATTEMPTS = 3;

    private final Vertx vertx;

    public DatabaseRetry(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> run(String what, Supplier<Uni<T>> work) {
        return attempt(what, work, 1);
    }

    private <T> Uni<T> attempt(String what, Supplier<Uni<T>> work, int attempt) {
        return Uni.createFrom().<T>deferred(work::get)
                .onFailure(e -> !isDataError(e) || attempt < DATA_ERROR_ATTEMPTS)
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

    /** The data itself is at fault (SQL states 22, 23, 42), not the database's availability. */
    public static boolean isDataError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23")
                            || pg.getSqlState().startsWith("42"))) {
                return true;
            }
        }
        return false;
    }
}
