package io.switchboard.work.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Office;
import io.switchboard.work.messaging.OutboxRelay;
import io.switchboard.work.model.Agent;
import io.switchboard.work.model.AgentStatus;
import io.switchboard.work.model.AwayReason;
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
            List<String> regions, Map<Channel, Integer> capacity, Integer wrapUpSeconds, String phoneAddress,
            String desk) {
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
            agent.wrapUpSeconds = wrapUpSeconds;
            agent.phoneAddress = phoneAddress;
            agent.desk = desk;
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

    /**
     * The agent's own status, with a reason when AWAY; going AVAILABLE ends a wrap-up early. Going OFFLINE returns
     * whatever the agent held to the head of its queue.
     */
    public Uni<Agent> changeStatus(String agentId, AgentStatus status, AwayReason reason) {
        if (status == AgentStatus.WRAP_UP) {
            throw WorkRequestRejected.invalid("WRAP_UP follows a completed item; set AVAILABLE, AWAY or OFFLINE");
        }
        if (reason != null && status != AgentStatus.AWAY) {
            throw WorkRequestRejected.invalid("a reason is given with AWAY only, not with " + status);
        }
        return presence.changeStatus(agentId, status, reason == null ? null : reason.name(), null, clock.instant())
                .map(changed -> {
                    if (changed == null) {
                        throw WorkRequestRejected.notFound("agent " + agentId
                                + " has no profile; a supervisor registers agents with PUT /api/agents/{agentId}");
                    }
                    if (status == AgentStatus.OFFLINE) {
                        relay.publishPending();
                    }
                    return changed.agent();
                });
    }

    /** A supervisor takes an agent off duty: what the agent held returns to its queue, with the supervisor as actor. */
    public Uni<Agent> forceOffline(String agentId, String supervisorId) {
        return presence.changeStatus(agentId, AgentStatus.OFFLINE, null, supervisorId, clock.instant())
                .map(changed -> {
                    if (changed == null) {
                        throw WorkRequestRejected.notFound("no agent " + agentId);
                    }
                    if (changed.previous() == AgentStatus.OFFLINE) {
                        throw WorkRequestRejected.conflict("agent " + agentId + " is already OFFLINE");
                    }
                    relay.publishPending();
                    return changed.agent();
                });
    }

    private static Agent newAgent(String agentId) {
        Agent agent = new Agent();
        agent.id = agentId;
        agent.status = AgentStatus.OFFLINE;
        return agent;
    }
}
