package io.switchboard.images;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A root file system written as one gzip-compressed image layer: Debian packages' files exactly as dpkg unpacks
 * them (owners, modes, symbolic and hard links kept: jib-core's file layers follow symbolic links, which would
 * copy the build machine's files into the image) plus files the build adds. The diff id is the digest of the
 * uncompressed tar, as image configurations list it.
 */
final class RootfsLayer implements AutoCloseable {

    private final MessageDigest uncompressed;
    private final TarArchiveOutputStream tar;
    private final Set<String> directories = new HashSet<>();

    RootfsLayer(Path file) throws IOException {
        try {
            uncompressed = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 1 << 16);
        tar = new TarArchiveOutputStream(new DigestOutputStream(out, uncompressed));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /**
     * Unpacks the package's data archive (dpkg-deb reads whatever compression it uses) and returns the contents of
     * the files whose paths {@code keep} selects, for what the maintainer scripts would build from them.
     */
    Map<String, byte[]> unpack(DebianPackage pkg, Predicate<String> keep) throws IOException, InterruptedException {
        Map<String, byte[]> kept = new TreeMap<>();
        Process dpkgDeb = new ProcessBuilder("dpkg-deb", "--fsys-tarfile", pkg.deb().toString())
                .redirectError(Redirect.INHERIT).start();
        try (TarArchiveInputStream data = new TarArchiveInputStream(dpkgDeb.getInputStream())) {
            for (TarArchiveEntry entry = data.getNextEntry(); entry != null; entry = data.getNextEntry()) {
                String path = archivePath(entry.getName());
                if (path.isEmpty() || entry.isDirectory() && !directories.add(path)) {
                    continue;
                }
                entry.setName(entry.isDirectory() ? path + "/" : path);
                if (entry.isLink()) {
                    entry.setLinkName(archivePath(entry.getLinkName())); // hard links name an archive member
                }
                tar.putArchiveEntry(entry);
                if (entry.isFile() && !entry.isLink() && !entry.isSymbolicLink()) {
                    if (keep.test("/" + path)) {
                        byte[] content = data.readAllBytes();
                        kept.put("/" + path, content);
                        tar.write(content);
                    } else {
                        data.transferTo(tar);
                    }
                }
                tar.closeArchiveEntry();
            }
        }
        if (dpkgDeb.waitFor() != 0) {
            throw new IOException("dpkg-deb could not read " + pkg.deb());
        }
        return kept;
    }

    /** A directory owned by {@code owner} (uid = gid), unless a package brought it already. */
    void directory(String path, int mode, int owner) throws IOException {
        String name = archivePath(path);
        parentsOf(name);
        if (directories.add(name)) {
            TarArchiveEntry entry = new TarArchiveEntry(name + "/");
            entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode);
            entry.setIds(owner, owner);
            entry.setModTime(0);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
    }

    /** A file owned by root. */
    void file(String path, int mode, byte[] content) throws IOException {
        String name = archivePath(path);
        parentsOf(name);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
        entry.setSize(content.length);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private void parentsOf(String name) throws IOException {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
            directory(name.substring(0, slash), 0755, 0);
        }
    }

    /** Finishes the layer; returns its diff id. */
    String finish() throws IOException {
        tar.close();
        return "sha256:" + HexFormat.of().formatHex(uncompressed.digest());
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    /** Layer tars name members relative to the root, without dpkg's leading "./" and trailing "/". */
    private static String archivePath(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name.startsWith("/") ? name.substring(1) : name;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
