package io.switchboard.work.model;

/** An agent's presence. Only AVAILABLE agents are offered work; OFFLINE returns what they held. */
public enum AgentStatus {
    AVAILABLE, AWAY, OFFLINE
}
