package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document under docs/ whose top is rewritten by a run (the figures) and whose bottom, below {@link #KEPT_BELOW},
 * is written by hand (analysis, what was changed and why) and survives every run.
 */
final class GeneratedDoc {

    static final String KEPT_BELOW = "<!-- Written by hand below this line; the run that writes the figures keeps it. -->";

    private GeneratedDoc() {
    }

    static void write(Path doc, String generated) throws IOException {
        String existing = Files.exists(doc) ? Files.readString(doc) : "";
        int kept = existing.indexOf(KEPT_BELOW);
        Files.writeString(doc, generated + "\n" + (kept < 0 ? KEPT_BELOW + "\n" : existing.substring(kept)));
    }
}
