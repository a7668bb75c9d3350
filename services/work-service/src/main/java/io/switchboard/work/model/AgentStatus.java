package io.switchboard.work.model;

/**
 * An agent's presence. Only AVAILABLE agents are offered work; OFFLINE returns what they held. WRAP_UP follows a
 * completed item for the agent's wrap-up time, then the agent's next call makes it AVAILABLE again.
 */
public enum AgentStatus {
    AVAILABLE, AWAY, WRAP_UP, OFFLINE
}
