package dev.kaizen.core.run;

import dev.kaizen.core.BadInputException;
import dev.kaizen.core.recipe.Recipe;
import dev.kaizen.core.recipe.RecipeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of a run directory:
 * <pre>
 * recipe.yaml          the resolved recipe (${env:NAME} references kept, other secrets masked)
 * metrics.jsonl        one event a line, appended as produced
 * trajectories/*.jsonl trajectories, appended
 * pairs/*.jsonl        preference pairs, appended
 * checkpoints/STAGE/   policy/, state/NAME/ and stage.json of each completed stage
 * summary.json         the evaluations
 * run.json             what produced the run: build, machine, plugins, each process that worked on it
 * report.html          learning curves (PNGs in report/)
 * </pre>
 * Immutable; the files themselves are written by the run.
 */
public final class RunDirectory {

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * A new run directory at {@code root}, created if missing.
     *
     * @throws BadInputException if it exists and is not empty
     */
    public static RunDirectory createNew(Path root) {
        try {
            if (Files.exists(root)) {
                if (!Files.isDirectory(root)) {
                    throw new BadInputException("--out " + root + " is a file; name a folder");
                }
                try (Stream<Path> entries = Files.list(root)) {
                    if (entries.findAny().isPresent()) {
                        throw new BadInputException("--out " + root + " exists and is not empty; choose another "
                                + "folder, or continue that run with --resume " + root);
                    }
                }
            }
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new BadInputException("cannot create run directory " + root + ": " + e.getMessage(), e);
        }
        return new RunDirectory(root);
    }

    /**
     * An existing run directory, e.g. to resume.
     *
     * @throws BadInputException if it holds no {@code recipe.yaml}
     */
    public static RunDirectory existing(Path root) {
        if (!Files.isRegularFile(root.resolve("recipe.yaml"))) {
            throw new BadInputException(root + " is not a run directory (it has no recipe.yaml)");
        }
        return new RunDirectory(root);
    }

    public Path path() {
        return root;
    }

    public Path recipe() {
        return root.resolve("recipe.yaml");
    }

    /** The run's recipe, as {@code recipe.yaml} holds it, bound by {@code loader}. */
    public Recipe loadRecipe(RecipeLoader loader) {
        return loader.load(recipe(), List.of());
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path trajectories() {
        return root.resolve("trajectories");
    }

    public Path pairs() {
        return root.resolve("pairs");
    }

    /** The evaluated episodes, apart from {@link #trajectories()} so that no export trains on them. */
    public Path evaluation() {
        return root.resolve("evaluation");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path summary() {
        return root.resolve("summary.json");
    }

    /** What produced the run; see {@code provenance.RunProvenance}. */
    public Path provenance() {
        return root.resolve("run.json");
    }

    public Path report() {
        return root.resolve("report.html");
    }

    /** The folder of the report's images. */
    public Path reportAssets() {
        return root.resolve("report");
    }

    /** Writes {@code text} to {@code target} through a temporary file and a rename, so readers never see half a file. */
    public static void writeAtomically(Path target, String text) {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temporary, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Renames atomically where the file system can, replacing {@code target}. */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
