package dev.kaizen.core.backend;

import dev.kaizen.core.recipe.RolloutSettings;

/**
 * A place other than this process where a run's rollouts, evaluations and searches can run (e.g.
 * {@code spark}, which the sweep module brings), named by the recipe's {@code rollout.backend}.
 * Found with {@link java.util.ServiceLoader} when its module is on the class path, as
 * {@link dev.kaizen.core.cli.CommandExtension} is, so that core never depends on it.
 */
public interface RolloutBackendFactory {

    /** The name recipes give as {@code rollout.backend}, e.g. {@code spark}. */
    String name();

    /**
     * Starts the backend for one run.
     *
     * @param settings the recipe's rollout settings ({@code master}, {@code partitions})
     * @throws dev.kaizen.core.BadInputException if the settings cannot work (an unknown master)
     */
    RolloutBackend open(RolloutSettings settings);
}
