package io.switchboard.ops;

/** Answers of the work-service's supervisor and queue APIs, in the shapes its README documents. */
final class WorkServiceSamples {

    /** {@code GET /api/supervisor/agents}: one agent on a break, one at work with two WhatsApp items. */
    static final String AGENTS = """
            [{"agent": {"id": "anna", "name": "Anna de Jong", "office": "FRONT_OFFICE", "skills": [],
                        "languages": ["nl", "en"], "regions": [], "capacity": {"WHATSAPP": 3, "PHONE": 1},
                        "status": "AVAILABLE", "lastSeenAt": "2026-11-30T09:00:00Z", "reservationTimeouts": 1},
              "load": {"WHATSAPP": 2},
              "items": ["0f6c8a52-6f0e-4c1e-9d0a-3b1f2c4d5e6f", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"]},
             {"agent": {"id": "bram", "name": "Bram", "office": "BACK_OFFICE", "skills": ["billing"],
                        "languages": ["nl"], "regions": [], "capacity": {"PHONE": 1}, "status": "AWAY",
                        "statusReason": "break", "lastSeenAt": "2026-11-30T09:00:00Z", "reservationTimeouts": 0},
              "load": {}, "items": []}]
            """;

    /** {@code GET /api/queues}: the back office's WhatsApp queue has work nobody on duty can take. */
    static final String QUEUES = """
            [{"office": "BACK_OFFICE", "channel": "WHATSAPP", "waiting": 5, "oldestWaitSeconds": 340,
              "inProgress": 2, "flagged": 0, "stranded": 3, "strandedReasons": {"skill": 2, "language": 1},
              "oldestStrandedWaitSeconds": 300, "strandedCountedAt": "2026-11-30T09:00:00Z"},
             {"office": "FRONT_OFFICE", "channel": "PHONE", "waiting": 0, "oldestWaitSeconds": 0,
              "inProgress": 1, "flagged": 0, "stranded": 0, "strandedReasons": {},
              "oldestStrandedWaitSeconds": 0, "strandedCountedAt": "2026-11-30T09:00:00Z"}]
            """;

    private WorkServiceSamples() {
    }
}
