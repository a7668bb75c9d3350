package io.switchboard.work.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.model.Agent;
import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.repository.AgentPresenceRepository;
import io.switchboard.work.repository.AgentRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agents' profiles, kept by supervisors (entities, {@link AgentRepository}), and their presence, kept by the agents
 * themselves (statements next to the queue's, {@link AgentPresenceRepository}).
 */
@ApplicationScoped
public class AgentDirectory {

    private final AgentRepository agents;
    private final AgentPresenceRepository presence;
    private final OutboxRelay relay;
    private final Clock clock;

    public AgentDirectory(AgentRepository agents, AgentPresenceRepository presence, OutboxRelay relay, Clock clock) {
        this.agents = agents;
        this.presence = presence;
        this.relay = relay;
        this.clock = clock;
    }

    /** Creates or replaces the profile; a new agent starts OFFLINE. */
    @WithTransaction
    public Uni<Agent> register(String agentId, String name, Office office, List<String> skills, List<String> languages,
            List<String> regions, Map<Channel, Integer> capacity) {
        return agents.lock(agentId).chain(existing -> {
            Agent agent = existing != null ? existing : newAgent(agentId);
            agent.name = name;
            agent.office = office;
            agent.skills = List.copyOf(skills);
            agent.languages = languages.stream().map(language -> language.toLowerCase(Locale.ROOT)).toList();
            agent.regions = regions.stream().map(PostalCodes::normalise).toList();
            Map<String, Integer> perChannel = new TreeMap<>();
            capacity.forEach((channel, slots) -> perChannel.put(channel.name(), slots));
            agent.capacity = perChannel;
            agent.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().item(agent) : agents.persist(agent);
        });
    }

    @WithSession
    public Uni<Agent> find(String agentId) {
        return agents.findById(agentId).map(agent -> {
            if (agent == null) {
                throw WorkRequestRejected.notFound("no agent " + agentId);
            }
            return agent;
        });
    }

    /** Going OFFLINE returns whatever the agent held to the head of its queue. */
    public Uni<Agent> changeStatus(String agentId, AgentStatus status) {
        return presence.changeStatus(agentId, status, clock.instant()).map(agent -> {
            if (agent == null) {
                throw WorkRequestRejected.notFound("agent " + agentId
                        + " has no profile; a supervisor registers agents with PUT /api/agents/{agentId}");
            }
            if (status == AgentStatus.OFFLINE) {
                relay.publishPending();
            }
            return agent;
        });
    }

    private static Agent newAgent(String agentId) {
        Agent agent = new Agent();
        agent.id = agentId;
        agent.status = AgentStatus.OFFLINE;
        return agent;
    }
}
