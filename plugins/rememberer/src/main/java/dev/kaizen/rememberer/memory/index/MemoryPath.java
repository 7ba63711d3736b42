package dev.kaizen.rememberer.memory.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Opens the directory at {@code memory.path}: creates it if it is new, and refuses a file, or a
 * directory holding files that are not a memory, with a message saying what to do.
 */
final class MemoryPath {

    private MemoryPath() {
    }

    /**
     * @throws IllegalArgumentException if {@code path} is a file or holds something other than a memory
     */
    static Directory open(Path path) throws IOException {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("memory.path " + path + " is a file; it must be a directory (new or"
                    + " holding a memory)");
        }
        Files.createDirectories(path);
        FSDirectory directory = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(directory)) {
            try (Stream<Path> files = Files.list(path)) {
                List<String> names = files.map(p -> p.getFileName().toString())
                        .filter(n -> !n.equals("write.lock")).sorted().limit(5).toList();
                if (!names.isEmpty()) {
                    directory.close();
                    throw new IllegalArgumentException("memory.path " + path + " holds files that are not a memory ("
                            + String.join(", ", names) + "); point it to a new or empty directory, or to one a"
                            + " memory was saved in");
                }
            }
        }
        return directory;
    }
}
