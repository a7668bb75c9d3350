package io.switchboard.work.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.switchboard.work.model.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Agents' profiles, as supervisors keep them. */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    /** The agent's row, locked while a supervisor changes the profile. */
    public Uni<Agent> lock(String agentId) {
        return findById(agentId, LockModeType.PESSIMISTIC_WRITE);
    }
}
