package dev.kaizen.core.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.export.DatasetFormat;
import dev.kaizen.api.export.ExportSource;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.plugin.LoadedExtension;
import dev.kaizen.core.run.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kaizen export RUN_DIR --format F [--out DIR]}: a run's trajectories and pairs as a training dataset. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's trajectories and preference pairs as a dataset an external trainer reads.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    Kaizen kaizen;

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory.")
    Path runDirectory;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "The dataset format, e.g. trl-dpo.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: RUN_DIR/export/FORMAT).")
    Path out;

    @Override
    public Integer call() throws IOException {
        kaizen.configure(global);
        Map<String, LoadedExtension<DatasetFormat>> formats = kaizen.registry().formats();
        LoadedExtension<DatasetFormat> chosen = formats.get(format);
        if (chosen == null) {
            throw new BadInputException("--format: unknown dataset format '" + format + "'; known: "
                    + List.copyOf(formats.keySet()));
        }
        RunDirectory directory = RunDirectory.existing(runDirectory);
        ObjectMapper json = kaizen.binder().json();
        String recipeName;
        try {
            recipeName = directory.loadRecipe(kaizen.recipeLoader()).name();
        } catch (BadInputException e) {
            recipeName = runDirectory.toAbsolutePath().normalize().getFileName().toString();
        }
        List<Trajectory> trajectories = read(directory.trajectories(), Trajectory.class, json);
        List<PreferencePair> pairs = read(directory.pairs(), PreferencePair.class, json);
        Path target = out != null ? out : directory.path().resolve("export").resolve(format);
        boolean created = !Files.exists(target);
        Files.createDirectories(target);
        List<Path> written;
        try {
            written = chosen.extension().export(new ExportSource(directory.path(), recipeName, trajectories, pairs), target);
        } catch (IllegalArgumentException e) {
            deleteIfEmpty(target, created);
            throw new BadInputException("export --format " + format + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            deleteIfEmpty(target, created);
            throw e;
        }
        kaizen.out().println("read " + trajectories.size() + " trajectories and " + pairs.size() + " pairs from "
                + runDirectory);
        for (Path file : written) {
            kaizen.out().println("wrote " + file + rowLengths(file));
        }
        return Kaizen.OK;
    }

    /**
     * How long the rows of a JSON Lines file or a one-row-a-line JSON array are, for choosing a
     * trainer's {@code max_length} (rows longer than it are cut or dropped): e.g.
     * {@code : 120 rows, characters per row median 4794, 90% 9000, max 12000 (about 1199, 2250, 3000 tokens)}.
     */
    static String rowLengths(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean rows = file.getFileName().toString().endsWith(".jsonl") || (!lines.isEmpty() && lines.get(0).equals("["));
        int[] lengths = lines.stream().filter(line -> line.length() > 2).mapToInt(String::length).sorted().toArray();
        if (!rows || lengths.length == 0) {
            return "";
        }
        int median = lengths[(lengths.length - 1) / 2];
        int p90 = lengths[(int) Math.ceil(0.9 * lengths.length) - 1];
        int max = lengths[lengths.length - 1];
        return String.format(java.util.Locale.ROOT, ": %d rows, characters per row median %d, 90%% %d, max %d (about %d, "
                + "%d, %d tokens at 4 characters a token; a trainer's max_length below a row's tokens cuts or drops it)",
                lengths.length, median, p90, max, median / 4, p90 / 4, max / 4);
    }

    /** A failed export leaves no empty folder it made. */
    private static void deleteIfEmpty(Path target, boolean created) throws IOException {
        if (created) {
            try (Stream<Path> listing = Files.list(target)) {
                if (listing.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(target);
        }
    }

    /** Every record of every {@code *.jsonl} file in {@code folder}, file by file in name order. */
    static <T> List<T> read(Path folder, Class<T> type, ObjectMapper json) throws IOException {
        List<T> records = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return records;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(json.readValue(line, type));
                } catch (JsonProcessingException e) {
                    throw new BadInputException(file + ":" + number + ": not a " + type.getSimpleName() + " ("
                            + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
                }
            }
        }
        return records;
    }
}
