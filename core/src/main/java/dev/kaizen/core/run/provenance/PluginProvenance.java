package dev.kaizen.core.run.provenance;

import static java.util.Objects.requireNonNull;

import dev.kaizen.core.plugin.PluginInfo;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A loaded plugin and the checksum of what it was loaded from.
 *
 * @param id the plugin id
 * @param version its version
 * @param file the name of the jar or zip it came from; a folder's name ends with {@code /}
 * @param sha256 the SHA-256 of the jar or zip, in hex; for a folder, of each file's path relative to
 *     it, a zero byte, its length (8 bytes, big-endian) and its contents, in path order; or
 *     {@code unreadable: REASON}
 */
public record PluginProvenance(String id, String version, String file, String sha256) {

    private static final int BUFFER = 1 << 16;

    public PluginProvenance {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(file, "file is null");
        requireNonNull(sha256, "sha256 is null");
    }

    /** The record of {@code plugin}, checksumming its source (the zip, not the folder expanded from it). */
    public static PluginProvenance of(PluginInfo plugin) {
        Path source = Files.exists(plugin.source()) ? plugin.source() : plugin.path();
        boolean folder = Files.isDirectory(source);
        String checksum;
        try {
            checksum = folder ? folderSha256(source) : sha256(source);
        } catch (IOException | UncheckedIOException e) {
            checksum = "unreadable: " + e.getMessage();
        }
        return new PluginProvenance(plugin.id(), plugin.version(), source.getFileName() + (folder ? "/" : ""),
                checksum);
    }

    /** The SHA-256 of a file's contents, in hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        update(digest, file);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 over a folder's files, as {@link #sha256()} describes, in hex. */
    static String folderSha256(Path folder) throws IOException {
        List<String> names;
        try (Stream<Path> walk = Files.walk(folder)) {
            names = walk.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace(File.separatorChar, '/')).sorted().toList();
        }
        MessageDigest digest = digest();
        for (String name : names) {
            Path file = folder.resolve(name);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(file)).array());
            update(digest, file);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
