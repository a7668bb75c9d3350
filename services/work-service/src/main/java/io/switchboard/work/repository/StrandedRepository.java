package io.switchboard.work.repository;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.switchboard.work.repository.WorkItemRows.at;

/**
 * Queued items that no agent on duty could take now, and why. Bounded: per office only the first {@code $1} items
 * the office's agents would pull (read from the queue index in pull order), each checked against the AVAILABLE
 * agents, so the cost does not grow with the queue.
 */
@ApplicationScoped
public class StrandedRepository {

    /**
     * The reason is the first test that no AVAILABLE agent passes: the office has nobody on duty, then skills,
     * language, postal-code region, and at last whether anyone fitting serves the item's channel at all.
     * Flagged items wait for a supervisor whoever is on duty.
     */
    private static final String STRANDED = """
            WITH on_duty AS MATERIALIZED (SELECT * FROM agent WHERE status = 'AVAILABLE'),
            i AS (SELECT i.* FROM unnest($3::text[]) AS o (office),
                         LATERAL (SELECT * FROM work_item i WHERE i.state = 'QUEUED' AND i.office = o.office
                                   ORDER BY i.priority DESC, i.due_at, i.id LIMIT $1) i),
            why AS (SELECT i.office, i.channel, i.queued_at,
                           CASE WHEN i.flagged_at IS NOT NULL THEN 'flagged'
                                WHEN NOT EXISTS (SELECT 1 FROM on_duty a WHERE a.office = i.office) THEN 'office'
                                WHEN NOT EXISTS (SELECT 1 FROM on_duty a WHERE a.office = i.office AND %1$s)
                                     THEN 'skill'
                                WHEN NOT EXISTS (SELECT 1 FROM on_duty a WHERE a.office = i.office AND %1$s AND %2$s)
                                     THEN 'language'
                                WHEN NOT EXISTS (SELECT 1 FROM on_duty a WHERE a.office = i.office AND %1$s AND %2$s
                                                    AND %3$s) THEN 'region'
                                WHEN NOT EXISTS (SELECT 1 FROM on_duty a WHERE a.office = i.office AND %1$s AND %2$s
                                                    AND %3$s AND (a.capacity ->> i.channel)::int > 0) THEN 'capacity'
                           END AS reason
                      FROM i)
            SELECT office, channel, reason, count(*) AS items, min(queued_at) AS oldest_queued_at
              FROM why WHERE reason IS NOT NULL
             GROUP BY office, channel, reason ORDER BY office, channel, reason""".formatted(
            Eligibility.skills("a.skills"), Eligibility.language("a.languages"), Eligibility.region("a.regions"));

    private static final String[] OFFICES = Arrays.stream(Office.values()).map(Office::name)
            .toArray(String[]::new);

    private final Pool pool;

    public StrandedRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stranded items among the first {@code perOffice} of each office's queue at {@code now}. */
    public Uni<List<Stranded>> stranded(int perOffice, Instant now) {
        return pool.preparedQuery(STRANDED).execute(Tuple.of(perOffice, at(now), OFFICES)).map(rows -> {
            List<Stranded> stranded = new ArrayList<>();
            rows.forEach(row -> stranded.add(new Stranded(Office.valueOf(row.getString("office")),
                    Channel.valueOf(row.getString("channel")), row.getString("reason"), row.getLong("items"),
                    WorkItemRows.instant(row, "oldest_queued_at"))));
            return stranded;
        });
    }

    /**
     * @param reason office, skill, language, region, capacity (nobody fitting serves the channel) or flagged
     */
    public record Stranded(Office office, Channel channel, String reason, long items, Instant oldestQueuedAt) {
    }
}
