package io.switchboard.adapter.store.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;

/**
 * Where a store agent serves visitors, from their address in the agent profile: Qminder's ids of the clerk and/or
 * the desk, {@code user:15151}, {@code desk:3} or {@code user:15151,desk:3}. Without an address Qminder calls the
 * ticket as the user whose API key the adapter has.
 */
record Desk(String user, String desk) {

    static Desk of(String agentAddress) {
        String user = null;
        String desk = null;
        if (agentAddress != null && !agentAddress.isBlank()) {
            for (String part : agentAddress.split(",")) {
                String[] pair = part.strip().split(":", 2);
                if (pair.length == 2 && pair[0].equals("user") && !pair[1].isBlank()) {
                    user = pair[1];
                } else if (pair.length == 2 && pair[0].equals("desk") && !pair[1].isBlank()) {
                    desk = pair[1];
                } else {
                    throw ProviderException.undeliverable("store agent address '" + agentAddress
                            + "' is not user:<id>, desk:<id> or both, comma-separated");
                }
            }
        }
        return new Desk(user, desk);
    }
}
