package io.switchboard.routing.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrections as JSON lines, one {@link Correction} per line: the file the retrain reads (today written by whoever
 * exports them from the work-service) and the copy a promoted model version keeps of what it learnt from.
 */
public final class Corrections {

    private Corrections() {
    }

    /**
     * The corrections in {@code file}, none when it does not exist. A contact corrected more than once counts once,
     * with its latest correction: the agents' last word.
     */
    public static List<Correction> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        ObjectMapper mapper = Json.mapper();
        Map<String, Correction> latest = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Correction correction = mapper.readValue(line, Correction.class);
                    latest.merge(correction.contactId(), correction,
                            (one, other) -> other.correctedAt().isBefore(one.correctedAt()) ? one : other);
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + number + " is no correction: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corrections " + file, e);
        }
        return latest.values().stream().sorted(Comparator.comparing(Correction::correctedAt)
                .thenComparing(Correction::contactId)).toList();
    }

    public static void write(Path file, List<Correction> corrections) {
        ObjectMapper mapper = Json.mapper();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Correction correction : corrections) {
                writer.write(mapper.writeValueAsString(correction));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write corrections " + file, e);
        }
    }
}
