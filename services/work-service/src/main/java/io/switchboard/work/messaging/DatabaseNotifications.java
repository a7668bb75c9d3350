package io.switchboard.work.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.contracts.Office;
import io.switchboard.work.service.WorkSignals;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Listens to PostgreSQL's notifications (LISTEN/NOTIFY): {@code work_queued} when an item enters or returns to a
 * queue, from any work-service instance, wakes this instance's waiting agents. Notifications sent while the
 * listener was disconnected are lost, so every (re)connection wakes everyone and runs the outbox relay once.
 */
@ApplicationScoped
public class DatabaseNotifications {

    private static final Logger LOG = Logger.getLogger(DatabaseNotifications.class);
    private static final long RECONNECT_MILLIS = 500;

    private final WorkSignals signals;
    private final OutboxRelay relay;
    private final PgSubscriber subscriber;
    private final Vertx vertx;
    private volatile boolean stopped;

    public DatabaseNotifications(WorkSignals signals, OutboxRelay relay, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.signals = signals;
        this.relay = relay;
        this.vertx = vertx;
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_MILLIS);
        subscriber.channel("work_queued")
                .subscribeHandler(ignored -> caughtUp())
                .handler(this::workQueued);
        subscriber.closeHandler(ignored -> LOG.warn("Lost the database notification listener; reconnecting"));
    }

    void start(@Observes StartupEvent event) {
        connect();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        subscriber.close();
    }

    private void connect() {
        subscriber.connect().onFailure(failure -> {
            if (!stopped) {
                LOG.warnf("Database notification listener not connected yet: %s", failure.toString());
                vertx.setTimer(RECONNECT_MILLIS * 4, id -> connect());
            }
        });
    }

    private void workQueued(String office) {
        try {
            signals.signal(Office.valueOf(office));
        } catch (IllegalArgumentException e) {
            signals.signalAll();
        }
    }

    private void caughtUp() {
        LOG.debug("Listening to database notifications");
        signals.signalAll();
        relay.publishPending();
    }
}
