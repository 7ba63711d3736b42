package dev.kaizen.core.testing;

import dev.kaizen.api.export.DatasetFormat;
import dev.kaizen.api.export.ExportSource;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;

/** A test dataset format, {@code lines-test}: one line per trajectory (task id and actions) and per pair. */
@Extension
public final class LinesFormat implements DatasetFormat {

    @Override
    public String name() {
        return "lines-test";
    }

    @Override
    public String description() {
        return "test format: one line per trajectory and per pair";
    }

    @Override
    public List<Path> export(ExportSource source, Path outputDirectory) throws IOException {
        if (source.trajectories().isEmpty() && source.pairs().isEmpty()) {
            throw new IllegalArgumentException("the run has no trajectories or pairs");
        }
        Path file = outputDirectory.resolve(source.recipeName() + ".txt");
        List<String> lines = new java.util.ArrayList<>();
        for (Trajectory trajectory : source.trajectories()) {
            lines.add(trajectory.task().id() + " " + trajectory.steps().stream().map(s -> s.action().text()).toList());
        }
        for (PreferencePair pair : source.pairs()) {
            lines.add("pair " + pair.context().task().id() + " " + pair.level());
        }
        Files.write(file, lines);
        return List.of(file);
    }
}
