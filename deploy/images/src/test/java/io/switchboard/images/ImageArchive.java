package io.switchboard.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A {@code docker save} archive, opened the way a container runtime reads one: manifest, configuration, layers. */
record ImageArchive(Path contents, JsonNode manifest, JsonNode config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageArchive open(Path archive, Path contents) throws IOException, InterruptedException {
        Files.createDirectories(contents);
        new HostCommand(contents, List.of("tar", "-xf", archive.toString())).run();
        JsonNode manifest = JSON.readTree(contents.resolve("manifest.json").toFile()).get(0);
        return new ImageArchive(contents, manifest, JSON.readTree(contents.resolve(manifest.get("Config").asText()).toFile()));
    }

    List<String> layers() {
        List<String> layers = new ArrayList<>();
        manifest.get("Layers").forEach(layer -> layers.add(layer.asText()));
        return layers;
    }

    List<String> diffIds() {
        List<String> ids = new ArrayList<>();
        config.at("/rootfs/diff_ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The configuration's environment, in order. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        config.at("/config/Env").forEach(variable -> {
            String[] nameValue = variable.asText().split("=", 2);
            environment.put(nameValue[0], nameValue[1]);
        });
        return environment;
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.at("/config/Entrypoint").forEach(argument -> entrypoint.add(argument.asText()));
        return entrypoint;
    }

    /** The layers unpacked in order into a root file system (tar keeps owners, modes and links, as we are root). */
    Path unpack(Path rootfs) throws IOException, InterruptedException {
        Files.createDirectories(rootfs);
        for (String layer : layers()) {
            // jib marks its entries with a libarchive header that GNU tar does not know and would warn about.
            new HostCommand(rootfs, List.of("tar", "--warning=no-unknown-keyword", "-xf",
                    contents.resolve(layer).toString())).run();
        }
        return rootfs;
    }
}
