package io.switchboard.work.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.work.model.Agent;
import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.model.WorkItem;
import io.switchboard.work.model.WorkState;
import io.switchboard.work.service.Conversation;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.repository.AgentPresenceRepository.AGENT;
import static io.switchboard.work.repository.WorkItemRows.ITEM;
import static io.switchboard.work.repository.WorkItemRows.MESSAGES;
import static io.switchboard.work.repository.WorkItemRows.REQUEUE;
import static io.switchboard.work.repository.WorkItemRows.at;
import static io.switchboard.work.repository.WorkItemRows.event;

/**
 * What supervisors see and do, as statements on the reactive client next to the queue's: agents with their live
 * load, filtered pages of work items, and reassignments, each written with its lifecycle event (the supervisor in
 * {@code details.actor}).
 */
@ApplicationScoped
public class SupervisorRepository {

    /** Every agent (of an office) with the items it holds, and how many per channel. */
    private static final String AGENTS = """
            SELECT %s,
                   coalesce((SELECT jsonb_object_agg(h.channel, h.n)
                               FROM (SELECT channel, count(*) AS n FROM work_item
                                      WHERE agent_id = a.id AND state IN ('RESERVED', 'ACCEPTED')
                                      GROUP BY channel) h), '{}')::text AS load,
                   ARRAY(SELECT h.id FROM work_item h WHERE h.agent_id = a.id AND h.state IN ('RESERVED', 'ACCEPTED')
                          ORDER BY h.reserved_at, h.id) AS items
              FROM agent a WHERE $1::text IS NULL OR a.office = $1 ORDER BY a.office, a.id""".formatted(AGENT);

    private static final String FILTER = """
             WHERE ($1::text IS NULL OR w.office = $1) AND ($2::text IS NULL OR w.channel = $2)
               AND ($3::text IS NULL OR w.state = $3) AND ($4::text IS NULL OR w.agent_id = $4)
               AND ($5::timestamptz IS NULL OR w.queued_at <= $5)
               AND ($6::boolean IS NULL OR (w.flagged_at IS NOT NULL) = $6)""";

    private static final String WORK = "SELECT %s FROM work_item w %s ORDER BY w.queued_at, w.id LIMIT $7 OFFSET $8"
            .formatted(ITEM, FILTER);

    private static final String WORK_COUNT = "SELECT count(*) FROM work_item w " + FILTER;

    /** Offers start afresh: nobody declined the item, and it is no longer flagged. */
    private static final String FRESH = "declined_by = NULL, declined_until = NULL, reoffers = 0, flagged_at = NULL";

    /**
     * Reserves an open item to agent $4 (not OFFLINE) at $2 until $3, whoever held it; the re-offer count and flag
     * start afresh. $5 is the supervisor.
     */
    private static final String REASSIGN = """
            WITH target AS (SELECT id FROM agent WHERE id = $4 AND status <> 'OFFLINE'),
            old AS (SELECT id, agent_id FROM work_item
                     WHERE id = $1 AND state IN ('QUEUED', 'RESERVED', 'ACCEPTED') AND agent_id IS DISTINCT FROM $4
                       AND EXISTS (SELECT 1 FROM target) FOR UPDATE),
            w AS (UPDATE work_item w SET state = 'RESERVED', agent_id = $4, reserved_at = $2,
                         reservation_expires_at = $3, accepted_at = NULL, matched_step = NULL, %s
                    FROM old WHERE w.id = old.id RETURNING w.*, old.agent_id AS from_agent),
            """.formatted(FRESH) + event("w", "'ASSIGNED'", "$4", "$2", """
            jsonb_strip_nulls(jsonb_build_object('reason', 'supervisor-reassigned', 'actor', $5::text,
                    'fromAgent', c.from_agent))""") + """

            SELECT %s, %s FROM w""".formatted(ITEM, MESSAGES);

    /** Back in its queue, unheld and offered afresh: a held item, or a waiting one flagged for supervisors. */
    private static final String REQUEUE_BY_SUPERVISOR = """
            WITH old AS (SELECT id, agent_id FROM work_item
                          WHERE id = $1 AND (state IN ('RESERVED', 'ACCEPTED')
                                             OR (state = 'QUEUED' AND flagged_at IS NOT NULL)) FOR UPDATE),
            w AS (UPDATE work_item w SET %s, %s FROM old WHERE w.id = old.id RETURNING w.*, old.agent_id AS from_agent),
            """.formatted(REQUEUE, FRESH) + event("w", "'REQUEUED'", "c.from_agent", "$2", """
            jsonb_strip_nulls(jsonb_build_object('reason', 'supervisor-requeued', 'actor', $3::text))""") + """

            SELECT %s, %s FROM w""".formatted(ITEM, MESSAGES);

    private static final String STATUS_OF = "SELECT status FROM agent WHERE id = $1";

    private static final TypeReference<Map<String, Long>> LOAD = new TypeReference<>() {
    };

    private final Pool pool;

    public SupervisorRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<SupervisedAgent>> agents(Office office) {
        return pool.preparedQuery(AGENTS).execute(Tuple.of(office == null ? null : office.name())).map(rows -> {
            List<SupervisedAgent> agents = new ArrayList<>();
            for (Row row : rows) {
                agents.add(new SupervisedAgent(AgentPresenceRepository.agent(row), load(row.getString("load")),
                        List.of(row.getArrayOfUUIDs("items"))));
            }
            return agents;
        });
    }

    public Uni<Page> work(WorkFilter filter, int page, int size) {
        List<Object> where = new ArrayList<>(Arrays.asList(filter.office() == null ? null : filter.office().name(),
                filter.channel() == null ? null : filter.channel().name(),
                filter.state() == null ? null : filter.state().name(), filter.agentId(), at(filter.queuedBefore()),
                filter.flagged()));
        List<Object> paged = new ArrayList<>(where);
        paged.add(size);
        paged.add((long) page * size);
        return pool.preparedQuery(WORK_COUNT).execute(Tuple.from(where))
                .chain(count -> pool.preparedQuery(WORK).execute(Tuple.from(paged)).map(rows -> {
                    List<WorkItem> items = new ArrayList<>();
                    rows.forEach(row -> items.add(WorkItemRows.item(row)));
                    return new Page(page, size, count.iterator().next().getLong(0), items);
                }));
    }

    /** The item now reserved to {@code agentId}, or null when the item or the agent did not allow it. */
    public Uni<Conversation> reassign(UUID id, String agentId, Instant now, Instant expires, String supervisorId) {
        return single(REASSIGN, Tuple.of(id, at(now), at(expires), agentId, supervisorId));
    }

    /** The item back in its queue, or null when it was neither held nor flagged. */
    public Uni<Conversation> requeue(UUID id, Instant now, String supervisorId) {
        return single(REQUEUE_BY_SUPERVISOR, Tuple.of(id, at(now), supervisorId));
    }

    /** The agent's status, or null for an unknown agent. */
    public Uni<AgentStatus> statusOf(String agentId) {
        return pool.preparedQuery(STATUS_OF).execute(Tuple.of(agentId)).map(rows -> rows.iterator().hasNext()
                ? AgentStatus.valueOf(rows.iterator().next().getString("status")) : null);
    }

    private Uni<Conversation> single(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(rows -> rows.iterator().hasNext()
                ? WorkItemRows.conversation(rows.iterator().next()) : null);
    }

    private static Map<String, Long> load(String json) {
        try {
            return Json.mapper().readValue(json, LOAD);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable load: " + e.getOriginalMessage(), e);
        }
    }

    /** Every filter is optional; {@code queuedBefore} keeps items at least that old. */
    public record WorkFilter(Office office, Channel channel, WorkState state, String agentId, Instant queuedBefore,
            Boolean flagged) {
    }

    public record Page(int page, int size, long total, List<WorkItem> items) {
    }

    /**
     * @param load  items held per channel
     * @param items the items held, oldest reservation first
     */
    public record SupervisedAgent(Agent agent, Map<String, Long> load, List<UUID> items) {
    }
}
