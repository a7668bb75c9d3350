package io.switchboard.routing.classification;

import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Rst;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Corrections as the work-service publishes them, for the tests. */
public final class AgentCorrections {

    /** Eight sensible corrections of agents (five) and escalations (three), one per contact. */
    public static final String SAMPLE = "classification/corrections.jsonl";

    private AgentCorrections() {
    }

    public static List<ClassificationCorrection> sample() {
        try (InputStream in = AgentCorrections.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .map(AgentCorrections::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An agent's correction of a new contact with this text. */
    public static ClassificationCorrection of(String text, Channel channel, Rst rst, Intent intent) {
        return of(UUID.randomUUID().toString(), text, channel, rst, intent, Instant.now());
    }

    public static ClassificationCorrection of(String contactId, String text, Channel channel, Rst rst, Intent intent,
            Instant correctedAt) {
        return new ClassificationCorrection(ClassificationCorrection.SCHEMA_VERSION, contactId, channel, null, false,
                text, null, null, rst, intent, ClassificationCorrection.Source.AGENT, "test", "agent-1", null,
                correctedAt);
    }

    private static ClassificationCorrection read(String line) {
        try {
            return Json.mapper().readValue(line, ClassificationCorrection.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
