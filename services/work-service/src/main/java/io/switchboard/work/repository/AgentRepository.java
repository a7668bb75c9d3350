package io.switchboard.work.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.model.Agent;
import io.switchboard.work.model.AgentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    /** The agent's row, locked: an agent's own reservations and status changes happen one at a time. */
    public Uni<Agent> lock(String agentId) {
        return findById(agentId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Agents who count as present but made no call since {@code cutoff}. */
    public Uni<List<Agent>> silentSince(Instant cutoff) {
        return find("status <> ?1 and (lastSeenAt is null or lastSeenAt < ?2)", AgentStatus.OFFLINE, cutoff)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
