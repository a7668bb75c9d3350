package io.switchboard.contracts;

/** The steps of a work item's life (docs/architecture.md §3, {@link Topics#CONTACTS_LIFECYCLE}). */
public enum LifecycleEventType {
    QUEUED, ASSIGNED, ACCEPTED, COMPLETED, ESCALATED, RELEASED, REQUEUED, ABANDONED, MESSAGE_JOINED
}
