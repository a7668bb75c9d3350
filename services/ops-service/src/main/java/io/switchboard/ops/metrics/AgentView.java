package io.switchboard.ops.metrics;

import java.util.Map;

/**
 * The contacts one agent answered, handled, completed or escalated, and the surveys and offers of their items:
 * handling, FCR, cost, NPS and revenue per agent. Received, routed, joined, offered and abandoned are the queue's,
 * not the agent's, and stay 0 here; the average wait is that of the contacts the agent answered, without a p90
 * (an agent's tally keeps no wait samples).
 */
public record AgentView(String agentId, Figures totals, Map<String, Figures> windows) {
}
