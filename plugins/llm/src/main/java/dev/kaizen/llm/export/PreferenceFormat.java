package dev.kaizen.llm.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.prompt.PromptOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared part of the preference (DPO-style) formats: the pairs a format takes become one row
 * each, in order, written atomically into {@code <name>.jsonl} (one row per line) or
 * {@code <name>.json} (a JSON array). A format says which pairs it takes (by default the step-level
 * ones, see {@link #requireStepPairs}), how a pair becomes a row, and what else it writes beside the
 * data. Stateless and thread-safe.
 */
public abstract class PreferenceFormat extends ConversationFormat {

    /** How the rows lie in the data file. */
    protected enum Layout {
        /** One JSON object per line, in {@code <name>.jsonl}. */
        JSON_LINES(".jsonl"),
        /** A JSON array with one element per line, in {@code <name>.json}. */
        JSON_ARRAY(".json");

        private final String extension;

        Layout(String extension) {
            this.extension = extension;
        }
    }

    private final Layout layout;

    protected PreferenceFormat(PromptOptions options, Layout layout) {
        super(options);
        this.layout = layout;
    }

    @Override
    public final boolean supervised() {
        return false;
    }

    /**
     * The pairs this format writes, in order; by default the step-level pairs.
     *
     * @throws IllegalArgumentException if there are none it can write
     */
    protected List<PreferencePair> selectPairs(List<PreferencePair> pairs) {
        return requireStepPairs(pairs);
    }

    /** The row of one pair. */
    protected abstract ObjectNode row(PreferencePair pair);

    /** Writes what belongs beside the data file and returns every file written; by default the data file alone. */
    protected List<Path> written(Path data, Path directory, String datasetName) throws IOException {
        return List.of(data);
    }

    @Override
    public final List<Path> write(List<Trajectory> trajectories, List<PreferencePair> pairs, Path directory,
                                  String datasetName) throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        for (PreferencePair pair : selectPairs(pairs)) {
            rows.add(row(pair));
        }
        Path file = directory.resolve(name() + layout.extension);
        Path data = layout == Layout.JSON_LINES ? writeJsonLines(file, rows) : writeJsonArray(file, rows);
        return written(data, directory, datasetName);
    }
}
