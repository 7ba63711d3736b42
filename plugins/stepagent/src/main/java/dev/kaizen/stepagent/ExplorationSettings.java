package dev.kaizen.stepagent;

/**
 * The policy's own rollouts on training tasks that the inverse variant relabels with the reward
 * model's step rewards and optimises with PPO.
 *
 * @param tasks how many training tasks, the first ones in the environment's order (default: as
 *     many as the method's {@code demonstrations})
 * @param samples episodes per task (default 1)
 * @param temperature sampling temperature; 0 is greedy (default 1.0)
 */
public record ExplorationSettings(Integer tasks, Integer samples, Double temperature) {

    public ExplorationSettings {
        samples = samples == null ? 1 : samples;
        temperature = temperature == null ? 1.0 : temperature;
        if (tasks != null && tasks < 1) {
            throw new IllegalArgumentException("exploration.tasks must be >= 1, got " + tasks);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("exploration.samples must be >= 1, got " + samples);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("exploration.temperature must be finite and >= 0 (0 is greedy), got "
                    + temperature);
        }
    }

    /** These settings with {@code tasks} filled in if it was left out. */
    ExplorationSettings withDefaultTasks(int defaultTasks) {
        return tasks != null ? this : new ExplorationSettings(defaultTasks, samples, temperature);
    }
}
