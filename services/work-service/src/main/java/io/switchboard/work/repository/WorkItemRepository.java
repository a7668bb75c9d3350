package io.switchboard.work.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WorkItemRepository implements PanacheRepositoryBase<WorkItem, UUID> {

    private static final List<WorkState> OPEN = List.of(WorkState.QUEUED, WorkState.RESERVED, WorkState.ACCEPTED);
    private static final List<WorkState> HELD = List.of(WorkState.RESERVED, WorkState.ACCEPTED);

    /**
     * Reserves the best queued item the agent may take, in one statement: among the items of the agent's office
     * whose required skills the agent has, in a language the agent speaks, on a channel where the agent has free
     * capacity and, for items with a postal code, in the agent's regions (if any), the highest priority and then
     * the oldest. The agent's profile and free channels are computed once up front (init plans), so PostgreSQL
     * walks the office's queue index in order and stops at the first fit instead of sorting the whole backlog.
     * SKIP LOCKED lets concurrent pulls (on any instance) pass over each other's candidates instead of waiting or
     * taking the same one.
     */
    private static final String RESERVE = """
            WITH a AS MATERIALIZED (SELECT * FROM agent WHERE id = :agent)
            UPDATE work_item w
               SET state = 'RESERVED', agent_id = :agent, reserved_at = :now, reservation_expires_at = :expires
             WHERE w.id = (
                   SELECT i.id
                     FROM work_item i
                    WHERE i.state = 'QUEUED'
                      AND i.office = (SELECT office FROM a)
                      AND i.channel = ANY (ARRAY(
                              SELECT c.key FROM a, jsonb_each_text(a.capacity) c
                               WHERE CAST(c.value AS integer) > (SELECT count(*) FROM work_item h
                                      WHERE h.agent_id = a.id AND h.channel = c.key
                                        AND h.state IN ('RESERVED', 'ACCEPTED'))))
                      AND i.required_skills <@ (SELECT skills FROM a)
                      AND (i.language IS NULL
                           OR (SELECT cardinality(languages) = 0 OR i.language = ANY (languages) FROM a))
                      AND (i.postal_code IS NULL
                           OR (SELECT cardinality(regions) = 0
                                      OR EXISTS (SELECT 1 FROM unnest(regions) r WHERE i.postal_code LIKE r || '%')
                                 FROM a))
                    ORDER BY i.priority DESC, i.queued_at, i.id
                    LIMIT 1
                      FOR UPDATE OF i SKIP LOCKED)
            RETURNING CAST(w.id AS text)
            """;

    /** The id of the item now reserved to {@code agentId}, or null when nothing fits. */
    public Uni<UUID> reserveFor(String agentId, Instant now, Instant expires) {
        return getSession().chain(session -> session.createNativeQuery(RESERVE, String.class)
                        .setParameter("agent", agentId)
                        .setParameter("now", now)
                        .setParameter("expires", expires)
                        .getResultList())
                .map(ids -> ids.isEmpty() ? null : UUID.fromString(ids.get(0)));
    }

    public Uni<WorkItem> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The customer's open conversation on this channel, which a follow-up message joins. */
    public Uni<WorkItem> openConversation(String customerKey, Channel channel) {
        return find("customerKey = ?1 and channel = ?2 and state in ?3 order by queuedAt", customerKey, channel, OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<WorkItem>> expiredReservations(Instant now) {
        return find("state = ?1 and reservationExpiresAt < ?2", WorkState.RESERVED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Per office and channel: waiting, oldest queued-at, in progress (reserved or accepted). */
    public Uni<List<QueueFigures>> queueFigures() {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select new io.switchboard.work.repository.QueueFigures(w.office, w.channel,
                               sum(case when w.state = :queued then 1 else 0 end),
                               min(case when w.state = :queued then w.queuedAt end),
                               sum(case when w.state <> :queued then 1 else 0 end))
                          from WorkItem w where w.state in :open
                         group by w.office, w.channel order by w.office, w.channel""", QueueFigures.class)
                .setParameter("queued", WorkState.QUEUED)
                .setParameter("open", OPEN)
                .getResultList());
    }

    /** Queued items of the same office and channel that an agent would pull before {@code item}. */
    public Uni<Long> aheadOf(WorkItem item) {
        return count("state = ?1 and office = ?2 and channel = ?3 and (priority > ?4 or (priority = ?4 and "
                + "(queuedAt < ?5 or (queuedAt = ?5 and id < ?6))))",
                WorkState.QUEUED, item.office, item.channel, item.priority, item.queuedAt, item.id);
    }

    public Uni<Long> completedSince(WorkItem item, Instant since) {
        return count("state = ?1 and office = ?2 and channel = ?3 and completedAt >= ?4",
                WorkState.COMPLETED, item.office, item.channel, since);
    }

    /** Every item of these customer keys, or of customers with these phone numbers or e-mail addresses. */
    public Uni<List<WorkItem>> ofCustomers(Collection<String> keys, Collection<String> phones, Collection<String> emails) {
        return list("customerKey in ?1 or customerPhone in ?2 or customerEmail in ?3 order by queuedAt desc",
                keys, phones.isEmpty() ? List.of("") : phones, emails.isEmpty() ? List.of("") : emails);
    }

    public Uni<List<WorkItem>> heldBy(String agentId) {
        return find("agentId = ?1 and state in ?2", agentId, HELD).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
