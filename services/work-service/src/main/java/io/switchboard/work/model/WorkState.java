package io.switchboard.work.model;

/**
 * Where a work item stands. An escalated, released or timed-out item is QUEUED again; RESERVED and ACCEPTED items
 * are held by an agent and count against the agent's capacity on the item's channel; QUEUED, RESERVED and ACCEPTED
 * items are open, so a follow-up message of the customer joins them.
 */
public enum WorkState {
    QUEUED, RESERVED, ACCEPTED, COMPLETED, ABANDONED
}
