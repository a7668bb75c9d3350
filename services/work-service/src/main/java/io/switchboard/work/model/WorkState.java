package io.switchboard.work.model;

/** Where a work item stands. An escalated, released or timed-out item is QUEUED again. */
public enum WorkState {
    QUEUED, RESERVED, ACCEPTED, COMPLETED, ABANDONED;

    /** Held by an agent: counts against the agent's capacity on the item's channel. */
    public boolean held() {
        return this == RESERVED || this == ACCEPTED;
    }

    /** Still being worked on: follow-up messages of the customer join it. */
    public boolean open() {
        return this == QUEUED || held();
    }
}
