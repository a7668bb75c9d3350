package io.switchboard.work.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.work.model.Agent;
import io.switchboard.work.model.AgentStatus;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.switchboard.work.repository.WorkItemRows.REQUEUE;
import static io.switchboard.work.repository.WorkItemRows.at;
import static io.switchboard.work.repository.WorkItemRows.event;

/**
 * Agents' presence, which the queue reads on every pull and the agents change often: on the reactive client like
 * the queue itself. (Profiles, which supervisors edit, are entities: {@link AgentRepository}.)
 */
@ApplicationScoped
public class AgentPresenceRepository {

    /** The columns of {@link Agent}, read from a table or CTE named {@code a}. */
    static final String AGENT = """
            a.id, a.name, a.office, a.skills, a.languages, a.regions, a.capacity::text AS capacity, a.status,
            a.last_seen_at, a.updated_at, a.reservation_timeouts, a.status_reason, a.wrap_up_until,
            a.wrap_up_seconds, a.phone_address, a.desk""";

    /**
     * Going OFFLINE returns whatever the agent held to the head of its queue, in the same statement. $4 is the
     * reason, $5 the supervisor who set the status (then the agent's presence is not touched). The CTE
     * {@code was} reads the statement's snapshot: the status before the change.
     */
    private static final String CHANGE_STATUS = """
            WITH was AS (SELECT status FROM agent WHERE id = $1),
            a AS (UPDATE agent SET status = $2, status_reason = $4, wrap_up_until = NULL,
                         last_seen_at = CASE WHEN $5::text IS NULL THEN $3 ELSE last_seen_at END
                   WHERE id = $1 RETURNING *),
            held AS (SELECT w.id, w.agent_id FROM work_item w
                      WHERE w.agent_id = $1 AND $2 = 'OFFLINE' AND w.state IN ('RESERVED', 'ACCEPTED')
                        AND EXISTS (SELECT 1 FROM a)
                        FOR UPDATE OF w),
            w AS (UPDATE work_item w SET %s FROM held WHERE w.id = held.id RETURNING w.*, held.agent_id AS holder),
            """.formatted(REQUEUE) + event("w", "'REQUEUED'", "c.holder", "$3",
            "jsonb_strip_nulls(jsonb_build_object('reason', 'agent-offline', 'actor', $5::text))") + """

            SELECT %s, (SELECT status FROM was) AS previous FROM a""".formatted(AGENT);

    private static final String AVAILABLE_IN_OFFICE = "SELECT count(*) FROM agent WHERE status = 'AVAILABLE' AND office = $1";

    private static final TypeReference<Map<String, Integer>> CAPACITY = new TypeReference<>() {
    };

    private final Pool pool;

    public AgentPresenceRepository(Pool pool) {
        this.pool = pool;
    }

    /** The agent with its new and previous status, or null when the agent has no profile. */
    public Uni<Changed> changeStatus(String agentId, AgentStatus status, String reason, String actor, Instant now) {
        return pool.preparedQuery(CHANGE_STATUS).execute(Tuple.of(agentId, status.name(), at(now), reason, actor))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Changed(agent(row), AgentStatus.valueOf(row.getString("previous")));
                });
    }

    public record Changed(Agent agent, AgentStatus previous) {
    }

    public Uni<Long> availableIn(Office office) {
        return pool.preparedQuery(AVAILABLE_IN_OFFICE).execute(Tuple.of(office.name()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    static Agent agent(Row row) {
        Agent agent = new Agent();
        agent.id = row.getString("id");
        agent.name = row.getString("name");
        agent.office = Office.valueOf(row.getString("office"));
        agent.skills = List.of(row.getArrayOfStrings("skills"));
        agent.languages = List.of(row.getArrayOfStrings("languages"));
        agent.regions = List.of(row.getArrayOfStrings("regions"));
        agent.status = AgentStatus.valueOf(row.getString("status"));
        agent.lastSeenAt = WorkItemRows.instant(row, "last_seen_at");
        agent.updatedAt = WorkItemRows.instant(row, "updated_at");
        agent.reservationTimeouts = row.getInteger("reservation_timeouts");
        agent.statusReason = row.getString("status_reason");
        agent.wrapUpUntil = WorkItemRows.instant(row, "wrap_up_until");
        agent.wrapUpSeconds = row.getInteger("wrap_up_seconds");
        agent.phoneAddress = row.getString("phone_address");
        agent.desk = row.getString("desk");
        try {
            agent.capacity = Json.mapper().readValue(row.getString("capacity"), CAPACITY);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable agent capacity: " + e.getOriginalMessage(), e);
        }
        return agent;
    }
}
