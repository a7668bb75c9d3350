package io.switchboard.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A command of the build machine (apt-get, dpkg-deb), run to completion in a directory. */
record HostCommand(Path directory, List<String> command) {

    /** Its combined output; a non-zero exit raises with that output, which says what went wrong. */
    String run() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
        }
        return output;
    }
}
