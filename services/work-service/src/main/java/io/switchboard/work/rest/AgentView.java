package io.switchboard.work.rest;

import io.switchboard.contracts.Office;
import io.switchboard.work.model.Agent;
import io.switchboard.work.model.AgentStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record AgentView(String id, String name, Office office, List<String> skills, List<String> languages,
        List<String> regions, Map<String, Integer> capacity, AgentStatus status, Instant lastSeenAt,
        int reservationTimeouts, String statusReason, Instant wrapUpUntil, Integer wrapUpSeconds, String phoneAddress, String desk) {

    static AgentView of(Agent agent) {
        return new AgentView(agent.id, agent.name, agent.office, agent.skills, agent.languages, agent.regions,
                agent.capacity, agent.status, agent.lastSeenAt, agent.reservationTimeouts, agent.statusReason,
                agent.wrapUpUntil, agent.wrapUpSeconds, agent.phoneAddress, agent.desk);
    }
}
