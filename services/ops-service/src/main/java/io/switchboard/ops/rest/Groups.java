package io.switchboard.ops.rest;

/**
 * The token groups that may read the operations API: operations staff, and supervisors, who watch the same board.
 * Agents may not (they see their own work in the work-service).
 */
final class Groups {

    static final String OPS = "ops";
    static final String SUPERVISOR = "supervisor";

    private Groups() {
    }
}
