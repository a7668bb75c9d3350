package io.switchboard.routing.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.ClassificationCorrection;
import io.switchboard.contracts.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Where promoted model versions are kept, shared by every engine (a volume, or a local directory for one engine).
 * A version is its data, not its weights: training is deterministic, so the corrections it learnt from and the
 * bundled data set make the model again. Layout:
 * <pre>
 *   ACTIVE                          the active version's name, replaced in one step
 *   m-…/corrections.jsonl           what the version learnt beyond the bundled data set: the corrections read
 *                                   from the topic when it was trained, one {@link ClassificationCorrection} a line
 *   m-…/promotion.json              the retrain that promoted it ({@link RetrainOutcome})
 *   refused.json                    the latest candidate that was not promoted, and why
 * </pre>
 */
public final class ModelDirectory {

    private static final String ACTIVE = "ACTIVE";
    private static final String CORRECTIONS = "corrections.jsonl";
    private static final String PROMOTION = "promotion.json";
    private static final String REFUSED = "refused.json";

    private final Path root;
    private final ObjectMapper mapper = Json.mapper();

    public ModelDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The name of the promoted version engines should run; empty while nothing was ever promoted. */
    public Optional<String> activeVersion() {
        Path active = root.resolve(ACTIVE);
        if (!Files.exists(active)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(active, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + active, e);
        }
    }

    public List<ClassificationCorrection> corrections(String version) {
        Path file = root.resolve(version).resolve(CORRECTIONS);
        if (!Files.exists(file)) {
            throw new IllegalStateException("model version " + version + " has no " + file);
        }
        return Corrections.read(file);
    }

    public RetrainOutcome promotion(String version) {
        return readJson(root.resolve(version).resolve(PROMOTION));
    }

    /** Writes the version's files, then names it active: engines polling {@code ACTIVE} never see half a version. */
    public void promote(RetrainOutcome promotion, List<ClassificationCorrection> corrections) {
        try {
            Path version = Files.createDirectories(root.resolve(promotion.candidate()));
            Corrections.write(version.resolve(CORRECTIONS), corrections);
            writeJson(version.resolve(PROMOTION), promotion);
            replace(root.resolve(ACTIVE), promotion.candidate().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot promote model version " + promotion.candidate() + " in " + root, e);
        }
    }

    public void refused(RetrainOutcome refusal) {
        try {
            Files.createDirectories(root);
            writeJson(root.resolve(REFUSED), refusal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the refused candidate in " + root, e);
        }
    }

    public Optional<RetrainOutcome> lastRefusal() {
        Path file = root.resolve(REFUSED);
        return Files.exists(file) ? Optional.of(readJson(file)) : Optional.empty();
    }

    private void writeJson(Path file, RetrainOutcome outcome) throws IOException {
        replace(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(outcome));
    }

    private static void replace(Path file, byte[] content) throws IOException {
        Path next = Files.write(file.resolveSibling(file.getFileName() + ".next"), content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private RetrainOutcome readJson(Path file) {
        try {
            return mapper.readValue(file.toFile(), RetrainOutcome.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
