package dev.kaizen.api.env;

import static java.util.Objects.requireNonNull;

import dev.kaizen.api.OrderedMaps;
import java.util.Map;

/**
 * One task of an environment: what the agent is asked to do.
 *
 * <p>Everything here is visible to the agent. Ground truth (the goal's hidden attributes, the
 * right answer) stays inside the environment, keyed by {@link #id()}.
 *
 * @param id unique within the environment, stable for a given environment config
 * @param split the split the task belongs to
 * @param instruction the natural-language instruction the agent receives
 * @param info extra visible facts (e.g. a category), possibly empty
 */
public record Task(String id, Split split, String instruction, Map<String, String> info) {

    public Task {
        requireNonNull(id, "id is null");
        requireNonNull(split, "split is null");
        requireNonNull(instruction, "instruction is null");
        info = info == null ? Map.of() : OrderedMaps.copy(info, "task info");
    }

    public Task(String id, Split split, String instruction) {
        this(id, split, instruction, Map.of());
    }
}
