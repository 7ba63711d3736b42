package dev.kaizen.api.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A dataset format for {@code kaizen export RUN_DIR --format NAME}; an extension point. Writes
 * files that the target trainer (TRL, LLaMA-Factory, OpenRLHF, ...) reads unchanged. Agent
 * actions are the trained continuations; observations are never inside a trained continuation
 * unless the format masks them.
 */
public interface DatasetFormat extends ExtensionPoint {

    /** The name after {@code --format}, kebab-case, e.g. {@code "trl-dpo"}. */
    String name();

    /** One line for {@code kaizen export --help}. */
    String description();

    /**
     * Writes the dataset.
     *
     * @param source what the run produced
     * @param outputDirectory an existing directory to write into
     * @return the files written
     * @throws IllegalArgumentException if the run holds nothing this format can use (say what is needed)
     */
    List<Path> export(ExportSource source, Path outputDirectory) throws IOException;
}
