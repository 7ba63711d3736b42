package dev.kaizen.stepagent.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.env.Action;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.api.trajectory.Trajectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The disagreements of every inspection so far, for training on all of them (aggregation, as in
 * DAgger) rather than only on the latest. Holds {@link Disagreement}s, not pairs: the pairs are
 * rebuilt from the (deterministically recomputed) demonstrations, so a checkpoint stays small.
 *
 * <p>Saved as {@code disagreements.jsonl}, one {@code {"iteration", "demonstration", "step",
 * "proposal"}} object a line. Not thread-safe.
 */
public final class PairArchive implements Checkpointable {

    static final String FILE = "disagreements.jsonl";

    private record Entry(int iteration, int demonstration, int step, String proposal) {
    }

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final List<Entry> entries = new ArrayList<>();

    /** Adds the disagreements found by inspection in iteration {@code iteration}. */
    public void add(int iteration, List<Disagreement> disagreements) {
        for (Disagreement d : disagreements) {
            entries.add(new Entry(iteration, d.demonstration(), d.step(), d.proposal().text()));
        }
    }

    /** How many disagreements are kept. */
    public int size() {
        return entries.size();
    }

    /** How many were added in iterations {@code 1..iteration}. */
    public int sizeUpTo(int iteration) {
        return (int) entries.stream().filter(e -> e.iteration() <= iteration).count();
    }

    /**
     * The pairs of every kept disagreement, oldest iteration first.
     *
     * @throws IllegalArgumentException if a disagreement names a step the demonstrations lack
     */
    public List<PreferencePair> pairs(List<Trajectory> demonstrations) {
        List<PreferencePair> pairs = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            pairs.add(new Disagreement(e.demonstration(), e.step(), Action.of(e.proposal())).pair(demonstrations));
        }
        return pairs;
    }

    @Override
    public void save(Path directory) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            for (Entry e : entries) {
                out.write(json.writeValueAsString(e));
                out.write('\n');
            }
        }
    }

    @Override
    public void load(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        List<Entry> loaded = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                Entry e = json.readValue(line, Entry.class);
                if (e.proposal() == null || e.demonstration() < 0 || e.step() < 0 || e.iteration() < 1) {
                    throw new IOException(file + " line " + number + ": needs iteration >= 1, demonstration >= 0, "
                            + "step >= 0 and a proposal: " + line);
                }
                loaded.add(e);
            } catch (JsonProcessingException e) {
                throw new IOException(file + " line " + number + " is not a disagreement: " + e.getOriginalMessage(), e);
            }
        }
        entries.clear();
        entries.addAll(loaded);
    }
}
