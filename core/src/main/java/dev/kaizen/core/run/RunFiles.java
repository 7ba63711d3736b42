package dev.kaizen.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The appended files of a run: {@code metrics.jsonl}, {@code trajectories/NAME.jsonl},
 * {@code pairs/NAME.jsonl} and {@code evaluation/NAME.jsonl}. Records are written with Jackson, one per line, so they read back into
 * the same records. Sizes can be taken at a stage's end and restored on resume. Thread-safe.
 */
final class RunFiles implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final RunDirectory directory;
    private final ObjectMapper json;
    private final Map<Path, AppendFile> open = new HashMap<>();

    RunFiles(RunDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    void appendMetric(String line) {
        file(directory.metrics()).append(List.of(line));
    }

    void appendTrajectories(String name, List<?> records) {
        append(directory.trajectories(), name, records);
    }

    void appendPairs(String name, List<?> records) {
        append(directory.pairs(), name, records);
    }

    void appendEvaluation(String name, List<?> records) {
        append(directory.evaluation(), name, records);
    }

    private void append(Path folder, String name, List<?> records) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("file name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        List<String> lines = new ArrayList<>(records.size());
        for (Object record : records) {
            try {
                lines.add(json.writeValueAsString(record));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + record.getClass().getSimpleName() + " as JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
        if (!lines.isEmpty()) {
            file(folder.resolve(name + ".jsonl")).append(lines);
        }
    }

    private synchronized AppendFile file(Path path) {
        return open.computeIfAbsent(path, AppendFile::new);
    }

    /** Syncs every open file and returns the size of each appended file, by path relative to the run. */
    synchronized Map<String, Long> sizes() {
        open.values().forEach(AppendFile::sync);
        Map<String, Long> sizes = new TreeMap<>();
        try {
            for (Path file : appended()) {
                sizes.put(directory.path().relativize(file).toString().replace('\\', '/'), Files.size(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure run files: " + e.getMessage(), e);
        }
        return sizes;
    }

    /**
     * Cuts every appended file back to {@code sizes} (deleting files not listed), so that what an
     * interrupted stage wrote is gone.
     */
    synchronized void truncate(Map<String, Long> sizes) {
        close();
        try {
            for (Path file : appended()) {
                String key = directory.path().relativize(file).toString().replace('\\', '/');
                Long size = sizes.get(key);
                if (size == null) {
                    Files.delete(file);
                } else if (Files.size(file) > size) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(size);
                        channel.force(true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate run files: " + e.getMessage(), e);
        }
    }

    private List<Path> appended() throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(directory.metrics())) {
            files.add(directory.metrics());
        }
        for (Path folder : List.of(directory.trajectories(), directory.pairs(), directory.evaluation())) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> listing = Files.list(folder)) {
                    listing.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(AppendFile::close);
        open.clear();
    }
}
