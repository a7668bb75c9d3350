package io.switchboard.work.model;

/** Why an agent is AWAY, as supervisors see it in the agents' list. */
public enum AwayReason {
    BREAK, TRAINING, MEETING, OTHER
}
