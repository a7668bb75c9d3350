package io.switchboard.work.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.repository.AgentPresenceRepository;
import io.switchboard.work.repository.QueueFigures;
import io.switchboard.work.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The queues as supervisors and waiting customers see them. A waiting contact's expected wait is its place in the
 * queue divided by the recent handling rate of the agents who take that queue's work: items of its office and
 * channel completed in the last {@code switchboard.work.rate-window}. With no completions in that window the rate
 * is estimated from the AVAILABLE agents of that office and a nominal handling time.
 */
@ApplicationScoped
public class QueueBoard {

    private final WorkItemRepository items;
    private final AgentPresenceRepository agents;
    private final WorkSettings settings;
    private final Clock clock;

    public QueueBoard(WorkItemRepository items, AgentPresenceRepository agents, WorkSettings settings, Clock clock) {
        this.items = items;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    public Uni<List<QueueFigures>> queues() {
        return items.queueFigures();
    }

    /**
     * Where the contact stands; the contact may be a follow-up that joined an open item. Supervisors and ops
     * ({@code readsAll}) see every contact, an agent only the contacts of items they hold or completed (403).
     */
    public Uni<Position> position(String contactId, String callerId, boolean readsAll) {
        return items.ofContact(contactId).chain(item -> {
            if (item == null) {
                throw WorkRequestRejected.notFound("no contact " + contactId);
            }
            if (!readsAll && !callerId.equals(item.agentId())) {
                throw WorkRequestRejected.notHolder("contact " + contactId + " is not on an item held by " + callerId);
            }
            return item.state() != WorkState.QUEUED
                    ? Uni.createFrom().item(new Position(contactId, item, 0, null, null))
                    : items.aheadOf(item).chain(ahead -> rate(item).map(rate -> {
                        int place = (int) (ahead + 1);
                        Long expected = rate.perSecond() > 0 ? Math.round(place / rate.perSecond()) : null;
                        return new Position(contactId, item, place, expected, rate.basis());
                    }));
        });
    }

    private Uni<Rate> rate(WorkItem item) {
        Duration window = settings.rateWindow();
        Instant since = clock.instant().minus(window);
        return items.completedSince(item, since).chain(completed -> completed > 0
                ? Uni.createFrom().item(new Rate((double) completed / window.toSeconds(), "recent-handling-rate"))
                : agents.availableIn(item.office()).map(available -> new Rate(
                        (double) available / settings.nominalHandlingTime().toSeconds(), "available-agents")));
    }

    private record Rate(double perSecond, String basis) {
    }

    /**
     * @param place               1 is next in line; 0 when the contact is no longer waiting
     * @param expectedWaitSeconds null when no agent can take it at the moment
     */
    public record Position(String contactId, WorkItem item, int place, Long expectedWaitSeconds, String basis) {
    }
}
