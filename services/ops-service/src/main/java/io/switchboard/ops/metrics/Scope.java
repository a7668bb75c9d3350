package io.switchboard.ops.metrics;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;

/**
 * Where a step counts: its channel, and its office, intent and agent where known (null where not: a contact still
 * waiting has no agent).
 */
record Scope(Channel channel, Office office, Intent intent, String agentId) {
}
