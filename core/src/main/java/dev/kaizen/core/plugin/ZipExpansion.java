package dev.kaizen.core.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.pf4j.util.FileUtils;
import org.pf4j.util.Unzip;

/**
 * Where a plugin zip is expanded: into the folder beside it named as the zip without {@code .zip}
 * (as PF4J does), when that folder is up to date or the zip's directory can be written; otherwise —
 * an installation or a shared directory the user cannot write — into
 * {@code UNPACK/<hash of the zip's path>/<name>}, the user's own work directory. Either way a zip
 * newer than its folder is expanded again.
 */
final class ZipExpansion {

    private ZipExpansion() {
    }

    /** The folder {@code zip} is expanded in, expanding it first where it is missing or older than the zip. */
    static Path expand(Path zip, Path unpackDirectory) throws IOException {
        return expand(zip, unpackDirectory, Files.isWritable(zip.toAbsolutePath().getParent()));
    }

    /** As {@link #expand(Path, Path)}, told whether the zip's directory can be written. */
    static Path expand(Path zip, Path unpackDirectory, boolean writable) throws IOException {
        String name = zip.getFileName().toString();
        String folderName = name.substring(0, name.length() - ".zip".length());
        Path beside = zip.resolveSibling(folderName);
        if (upToDate(beside, zip) || writable) {
            return FileUtils.expandIfZip(zip);
        }
        Path folder = unpackDirectory.resolve(hash(zip.toAbsolutePath().normalize().toString())).resolve(folderName);
        if (!upToDate(folder, zip)) {
            Files.createDirectories(folder.getParent());
            Unzip unzip = new Unzip(zip.toFile(), folder.toFile());
            unzip.extract();
        }
        return folder;
    }

    private static boolean upToDate(Path folder, Path zip) throws IOException {
        return Files.isDirectory(folder)
                && Files.getLastModifiedTime(zip).compareTo(Files.getLastModifiedTime(folder)) <= 0;
    }

    private static String hash(String path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
