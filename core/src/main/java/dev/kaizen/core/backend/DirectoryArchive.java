package dev.kaizen.core.backend;

import dev.kaizen.core.backend.codec.RecordReader;
import dev.kaizen.core.backend.codec.RecordWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory's files as one byte array and back: how a policy's saved state travels to executors.
 * Files are written in path order, so equal directories give equal bytes.
 */
final class DirectoryArchive {

    private DirectoryArchive() {
    }

    /** Every regular file under {@code directory}, with its path relative to it. */
    static byte[] pack(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        RecordWriter out = new RecordWriter();
        out.count(files.size());
        for (Path file : files) {
            out.string(directory.relativize(file).toString().replace('\\', '/'));
            out.blob(Files.readAllBytes(file));
        }
        return out.toByteArray();
    }

    /** Writes the files of {@code archive} under {@code directory}, which exists. */
    static void unpack(byte[] archive, Path directory) throws IOException {
        RecordReader in = new RecordReader(archive);
        int n = in.count();
        Path root = directory.toAbsolutePath().normalize();
        for (int i = 0; i < n; i++) {
            Path file = root.resolve(in.string()).normalize();
            if (!file.startsWith(root)) {
                throw new IOException("an archived file lies outside its directory: " + file);
            }
            Files.createDirectories(file.getParent());
            Files.write(file, in.blob());
        }
    }

    /** Deletes {@code directory} and everything under it; best effort. */
    static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
