package io.switchboard.work.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.switchboard.contracts.Office;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes agents waiting in a long poll when work enters their office's queue, so a waiting agent costs no database
 * queries. Each office has a generation that every signal advances: a poller marks the generations before it
 * queries, and a signal that arrives between its empty query and its wait is not missed.
 */
@ApplicationScoped
public class WorkSignals {

    private final Map<Office, AtomicLong> generations = new EnumMap<>(Office.class);
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final Vertx vertx;

    public WorkSignals(Vertx vertx) {
        this.vertx = vertx;
        for (Office office : Office.values()) {
            generations.put(office, new AtomicLong());
        }
    }

    /** The generations seen before a look at the queues. */
    public Mark mark() {
        Map<Office, Long> seen = new EnumMap<>(Office.class);
        generations.forEach((office, generation) -> seen.put(office, generation.get()));
        return new Mark(seen);
    }

    /** Completes when work for {@code office} arrived after {@code mark}, or after {@code max}. */
    public Uni<Void> await(Mark mark, Office office, Duration max) {
        return Uni.createFrom().emitter(emitter -> {
            Waiter waiter = new Waiter(office, Vertx.currentContext(), emitter);
            waiters.add(waiter);
            long timer = vertx.setTimer(Math.max(1, max.toMillis()), id -> waiter.wake());
            emitter.onTermination(() -> {
                waiters.remove(waiter);
                vertx.cancelTimer(timer);
            });
            if (generations.get(office).get() != mark.seen().get(office)) {
                waiter.wake();
            }
        });
    }

    public void signal(Office office) {
        generations.get(office).incrementAndGet();
        waiters.stream().filter(waiter -> waiter.office == office).forEach(Waiter::wake);
    }

    /** After notifications may have been missed (the listener reconnected): everyone looks again. */
    public void signalAll() {
        for (Office office : Office.values()) {
            signal(office);
        }
    }

    public record Mark(Map<Office, Long> seen) {
    }

    private static final class Waiter {
        private final Office office;
        private final Context context;
        private final UniEmitter<? super Void> emitter;
        private final AtomicBoolean woken = new AtomicBoolean();

        Waiter(Office office, Context context, UniEmitter<? super Void> emitter) {
            this.office = office;
            this.context = context;
            this.emitter = emitter;
        }

        /** Resumes the poll on the request's own context, where its database session belongs. */
        void wake() {
            if (woken.compareAndSet(false, true)) {
                if (context != null) {
                    context.runOnContext(ignored -> emitter.complete(null));
                } else {
                    emitter.complete(null);
                }
            }
        }
    }
}
