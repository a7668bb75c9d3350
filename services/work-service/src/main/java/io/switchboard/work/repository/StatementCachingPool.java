package io.switchboard.work.repository;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;

/**
 * The reactive pool as Quarkus configures it, except that every statement of this service is prepared once per
 * connection and kept. The Vert.x client caches only statements shorter than 2,048 characters by default, and the
 * agents' steps are longer (each writes its lifecycle event and returns the item with its conversation): they were
 * parsed and planned again on every execution, and planning cost PostgreSQL more than executing them
 * (docs/benchmarks.md, "Nine JVMs and one statement cache").
 */
@Singleton
public class StatementCachingPool implements PgPoolCreator {

    /** Longer than the longest statement of this service (the connecting accept, ≈ 6,000 characters). */
    static final int STATEMENT_LIMIT = 32_768;

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options -> options.setPreparedStatementCacheSqlLimit(STATEMENT_LIMIT));
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
