package io.switchboard.work.messaging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.Topics;
import io.switchboard.work.service.WorkMetrics;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox to Kafka, each event to the topic its row names ({@code contacts.lifecycle}, and
 * {@code contacts.outbound} for the adapters): in one transaction it takes the oldest events, sends them, waits for Kafka's
 * acknowledgement of all of them and only then deletes them. A crash before the delete sends them again (consumers
 * de-duplicate on {@code eventId}); nothing committed is lost. One relay runs at a time across all instances (a
 * transaction-scoped advisory lock), which keeps each contact's events in order. The services start it after each
 * step that wrote events, and, as a safety net, it runs every few seconds. Runs start at least
 * {@code switchboard.work.outbox-gap} apart: at a low rate each step would otherwise be a run of its own (a
 * transaction, a produce request, a delete and a commit for one event), while a run that finds a full batch goes
 * on at once. A step's event therefore reaches Kafka up to that gap later; the step itself is committed and
 * visible at once (agents are woken by the database, not by the event). It is not woken by a NOTIFY on the outbox
 * (it was until 2026-11-30): PostgreSQL serialises the commits of all notifying transactions on one lock, which
 * capped the agents' steps at about 1,400 commits/s (docs/benchmarks.md).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    /** The relay of another instance holds the lock: try again soon, its run may have missed this one's events. */
    private static final long LOCK_BUSY_RETRY_MILLIS = 50;
    /** What {@link #batch} answers when another instance's relay runs. */
    private static final int LOCK_BUSY = -1;
    /** Any constant shared by all instances; it names the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x5357_4F55_5442_4F58L;

    /** The oldest events, with what the meters need read out of the lifecycle events here rather than parsed again. */
    private static final String OLDEST = """
            SELECT id, topic, message_key, payload::text AS payload, payload ->> 'type' AS type,
                   payload ->> 'channel' AS channel, payload ->> 'office' AS office,
                   payload -> 'details' ->> 'waitMillis' AS wait_millis,
                   payload -> 'details' ->> 'handlingMillis' AS handling_millis,
                   payload -> 'details' ->> 'reason' AS reason, payload -> 'details' ->> 'flagged' AS flagged
              FROM outbox_event ORDER BY id LIMIT %d FOR UPDATE""".formatted(BATCH);

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<String> emitter;
    private final WorkMetrics metrics;
    private final long gapNanos;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    /** When the next run may start; only the one running (or waiting) relay reads and sets it. */
    private volatile long nextRunNanos = System.nanoTime();

    public OutboxRelay(Pool pool, @Channel("contacts-lifecycle") MutinyEmitter<String> emitter, WorkMetrics metrics,
            Vertx vertx, @ConfigProperty(name = "switchboard.work.outbox-gap", defaultValue = "100ms") Duration gap) {
        this.pool = pool;
        this.vertx = vertx;
        this.emitter = emitter;
        this.metrics = metrics;
        this.gapNanos = gap.toNanos();
    }

    /** Starts a relay run (once the gap since the last one passed), or asks the running one to go round once more. */
    public void publishPending() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            long waitMillis = TimeUnit.NANOSECONDS.toMillis(nextRunNanos - System.nanoTime());
            if (waitMillis > 0) {
                vertx.setTimer(waitMillis, id -> run());
            } else {
                run();
            }
        }
    }

    private void run() {
        // Cleared as the run starts: whatever commits after this is either in its first batch or asks for another.
        requested.set(false);
        nextRunNanos = System.nanoTime() + gapNanos;
        drain().subscribe().with(ignored -> finished(), failure -> {
            LOG.warnf("Outbox relay paused, events stay in the outbox: %s", failure.toString());
            finished();
        });
    }

    @Scheduled(every = "${switchboard.work.outbox-interval:5s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        publishPending();
    }

    private void finished() {
        running.set(false);
        if (requested.get()) {
            publishPending();
        }
    }

    private Uni<Void> drain() {
        return pool.withTransaction(this::batch).chain(published -> {
            if (published == LOCK_BUSY) {
                vertx.setTimer(LOCK_BUSY_RETRY_MILLIS, id -> publishPending());
            }
            return published == BATCH ? drain() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Integer> batch(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? connection.query(OLDEST).execute().chain(rows -> publish(connection, rows))
                        : Uni.createFrom().item(LOCK_BUSY));
    }

    private Uni<Integer> publish(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<WorkMetrics.Step> steps = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            if (Topics.CONTACTS_LIFECYCLE.equals(row.getString("topic"))) {
                steps.add(new WorkMetrics.Step(row.getString("type"), row.getString("channel"),
                        row.getString("office"), row.getString("wait_millis"), row.getString("handling_millis"),
                        row.getString("reason"), "true".equals(row.getString("flagged"))));
            }
            // Sent in id order: the idempotent producer keeps that order per partition, so per contact.
            sends.add(emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withTopic(row.getString("topic"))
                            .withKey(row.getString("message_key")).build())));
        }
        return Uni.join().all(sends).andFailFast()
                .chain(() -> connection.preparedQuery("DELETE FROM outbox_event WHERE id = ANY($1)")
                        .execute(Tuple.of(ids.toArray(Long[]::new))))
                .invoke(() -> steps.forEach(metrics::published))
                .replaceWith(ids.size());
    }
}
