package io.switchboard.ops.alerts;

import io.switchboard.contracts.Alert;
import io.switchboard.contracts.Channel;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The alerts that are raised now, one per kind and key, and the last ones cleared. It learns from its own
 * decisions and from the {@code alerts} topic (replayed on start, and written by other ops-service instances), so
 * a restart or a second instance does not raise what is already raised.
 */
@ApplicationScoped
public class AlertBook {

    private static final int CLEARED_KEPT = 50;

    private final Map<String, Alert> active = new LinkedHashMap<>();
    private final Deque<Alert> cleared = new ArrayDeque<>();

    /** A new alert when none of this kind and key is raised, else empty: raising is de-duplicated. */
    public synchronized Optional<Alert> raise(Alert.Kind kind, String key, Channel channel, String message,
            double observed, double threshold, Instant now) {
        if (active.containsKey(id(kind, key))) {
            return Optional.empty();
        }
        Alert alert = new Alert(Alert.SCHEMA_VERSION, UUID.randomUUID().toString(), kind, Alert.State.RAISED, key,
                channel, message, observed, threshold, now, null);
        active.put(id(kind, key), alert);
        return Optional.of(alert);
    }

    /** The clearing of the raised alert of this kind and key, or empty when none is raised. */
    public synchronized Optional<Alert> clear(Alert.Kind kind, String key, double observed, Instant now) {
        Alert raised = active.remove(id(kind, key));
        if (raised == null) {
            return Optional.empty();
        }
        Alert clearing = new Alert(Alert.SCHEMA_VERSION, raised.alertId(), kind, Alert.State.CLEARED, key,
                raised.channel(), raised.message(), observed, raised.threshold(), raised.raisedAt(), now);
        remember(clearing);
        return Optional.of(clearing);
    }

    /** An alert read back from the topic: applies it unless it is stale. */
    public synchronized void replayed(Alert alert) {
        String id = id(alert.kind(), alert.key());
        Alert current = active.get(id);
        if (alert.state() == Alert.State.RAISED) {
            if (current == null && cleared.stream().noneMatch(c -> c.alertId().equals(alert.alertId()))) {
                active.put(id, alert);
            }
        } else if (current != null && current.alertId().equals(alert.alertId())) {
            active.remove(id);
            remember(alert);
        }
    }

    public synchronized List<Alert> active() {
        return List.copyOf(active.values());
    }

    public synchronized List<Alert> cleared() {
        return List.copyOf(cleared);
    }

    public synchronized List<String> activeKeys(Alert.Kind kind) {
        List<String> keys = new ArrayList<>();
        active.values().stream().filter(alert -> alert.kind() == kind).forEach(alert -> keys.add(alert.key()));
        return keys;
    }

    private void remember(Alert clearing) {
        if (cleared.stream().noneMatch(c -> c.alertId().equals(clearing.alertId()))) {
            cleared.addFirst(clearing);
            while (cleared.size() > CLEARED_KEPT) {
                cleared.removeLast();
            }
        }
    }

    private static String id(Alert.Kind kind, String key) {
        return kind + "|" + key;
    }
}
