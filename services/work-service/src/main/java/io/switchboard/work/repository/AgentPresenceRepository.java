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

    /** Going OFFLINE returns whatever the agent held to the head of its queue, in the same statement. */
    private static final String CHANGE_STATUS = """
            WITH a AS (UPDATE agent SET status = $2, last_seen_at = $3 WHERE id = $1 RETURNING *),
            held AS (SELECT w.id, w.agent_id FROM work_item w
                      WHERE w.agent_id = $1 AND $2 = 'OFFLINE' AND w.state IN ('RESERVED', 'ACCEPTED')
                        AND EXISTS (SELECT 1 FROM a)
                        FOR UPDATE OF w),
            w AS (UPDATE work_item w SET %s FROM held WHERE w.id = held.id RETURNING w.*, held.agent_id AS holder),
            """.formatted(REQUEUE) + event("w", "'REQUEUED'", "c.holder", "$3",
            "jsonb_build_object('reason', 'agent-offline')") + """

            SELECT a.id, a.name, a.office, a.skills, a.languages, a.regions, a.capacity::text AS capacity, a.status,
                   a.last_seen_at, a.updated_at
              FROM a""";

    private static final String AVAILABLE_IN_OFFICE = "SELECT count(*) FROM agent WHERE status = 'AVAILABLE' AND office = $1";

    private static final TypeReference<Map<String, Integer>> CAPACITY = new TypeReference<>() {
    };

    private final Pool pool;

    public AgentPresenceRepository(Pool pool) {
        this.pool = pool;
    }

    /** The agent with its new status, or null when the agent has no profile. */
    public Uni<Agent> changeStatus(String agentId, AgentStatus status, Instant now) {
        return pool.preparedQuery(CHANGE_STATUS).execute(Tuple.of(agentId, status.name(), at(now)))
                .map(rows -> rows.iterator().hasNext() ? agent(rows.iterator().next()) : null);
    }

    public Uni<Long> availableIn(Office office) {
        return pool.preparedQuery(AVAILABLE_IN_OFFICE).execute(Tuple.of(office.name()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Agent agent(Row row) {
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
        try {
            agent.capacity = Json.mapper().readValue(row.getString("capacity"), CAPACITY);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable agent capacity: " + e.getOriginalMessage(), e);
        }
        return agent;
    }
}
