package io.switchboard.images;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A single-layer image as a {@code docker save} archive (manifest.json, the configuration, the layer): the format
 * that {@code docker load}, {@code ctr images import}, {@code kind load image-archive} and jib-core's
 * {@code tar://} base images read.
 */
final class DockerArchive {

    /** Reproducible: the same packages give the same image id. */
    private static final String CREATED = "1970-01-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private DockerArchive() {
    }

    /**
     * @param container the configuration's {@code config} object (User, Env, WorkingDir, ...)
     * @param createdBy the history entry: how the layer was made
     */
    static void write(Path archive, String tag, String architecture, Map<String, Object> container, Path layer,
                      String diffId, String createdBy) throws IOException {
        byte[] config = JSON.writeValueAsBytes(Map.of(
                "architecture", architecture,
                "os", "linux",
                "created", CREATED,
                "config", container,
                "rootfs", Map.of("type", "layers", "diff_ids", List.of(diffId)),
                "history", List.of(Map.of("created", CREATED, "created_by", createdBy))));
        String configName = sha256(config) + ".json";
        String layerName = "rootfs.tar.gz";
        byte[] manifest = JSON.writeValueAsBytes(List.of(Map.of(
                "Config", configName, "RepoTags", List.of(tag), "Layers", List.of(layerName))));
        try (OutputStream file = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry layerEntry = new TarArchiveEntry(layerName);
            layerEntry.setSize(Files.size(layer));
            layerEntry.setModTime(0);
            tar.putArchiveEntry(layerEntry);
            Files.copy(layer, tar);
            tar.closeArchiveEntry();
            add(tar, configName, config);
            add(tar, "manifest.json", manifest);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
