package io.switchboard.bench;

import java.util.List;
import java.util.Map;

/** The bench's agents: spread over the offices, with every skill, so that no routed item is left unworkable. */
final class AgentProfiles {

    private static final List<String> OFFICES = List.of("FRONT_OFFICE", "FRONT_OFFICE", "BACK_OFFICE", "TECHNICIANS");

    private AgentProfiles() {
    }

    static Map<String, Object> forAgent(int index) {
        return Map.of("name", "Bench agent " + index,
                "office", OFFICES.get(index % OFFICES.size()),
                "skills", List.of("troubleshooting", "field-planning", "complaints", "specialist", "sales"),
                "languages", List.of("nl", "en"),
                "capacity", Map.of("PHONE", 1, "WHATSAPP", 3, "SOCIAL", 3, "WEBSHOP", 3, "STORE", 1));
    }
}
