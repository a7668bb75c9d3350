package io.switchboard.routing.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' corrections as the model learns them: each one a labelled example, and the JSON-lines copy a promoted
 * model version keeps of what it learnt from, one {@link ClassificationCorrection} per line.
 */
public final class Corrections {

    private Corrections() {
    }

    /**
     * Whether the correction says enough to learn from: the text as it arrived, its channel, both labels and where
     * it came from.
     */
    public static boolean learnable(ClassificationCorrection correction) {
        return correction.contactId() != null && correction.text() != null && correction.channel() != null
                && correction.rst() != null && correction.intent() != null && correction.source() != null;
    }

    /** The contact as it arrived, labelled as the agent said it should have been. */
    public static LabelledContact example(ClassificationCorrection correction) {
        return new LabelledContact("correction:" + correction.contactId(), correction.channel(),
                correction.language(), correction.publicPost(), correction.text(), correction.rst(),
                correction.intent());
    }

    /** How many corrections came from each source, every source named (zero when none came from it). */
    public static Map<ClassificationCorrection.Source, Integer> bySource(List<ClassificationCorrection> corrections) {
        Map<ClassificationCorrection.Source, Integer> counts = new EnumMap<>(ClassificationCorrection.Source.class);
        for (ClassificationCorrection.Source source : ClassificationCorrection.Source.values()) {
            counts.put(source, 0);
        }
        corrections.forEach(correction -> counts.merge(correction.source(), 1, Integer::sum));
        return counts;
    }

    public static List<ClassificationCorrection> read(Path file) {
        ObjectMapper mapper = Json.mapper();
        List<ClassificationCorrection> corrections = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    corrections.add(mapper.readValue(line, ClassificationCorrection.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corrections " + file, e);
        }
        return List.copyOf(corrections);
    }

    public static void write(Path file, List<ClassificationCorrection> corrections) {
        ObjectMapper mapper = Json.mapper();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ClassificationCorrection correction : corrections) {
                writer.write(mapper.writeValueAsString(correction));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write corrections " + file, e);
        }
    }
}
