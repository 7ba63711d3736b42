package dev.kaizen.stepagent;

import dev.kaizen.stepagent.inspection.Agreement;

/**
 * How the policy acts on the expert prefixes during inspection.
 *
 * @param temperature sampling temperature of the policy's proposals; 0 is greedy (default 1.0)
 * @param samples distinct proposals per prefix (default 1)
 * @param batchSize prefixes per {@code decide} call (default 256)
 * @param agreement when a proposal counts as the expert's action and is dropped (default {@code normalized})
 * @param tasks how many training tasks' expert trajectories are inspected: the demonstrated ones and
 *     then the training tasks that follow them (default {@value #DEFAULT_TASKS}, capped by the tasks
 *     the method may use). Beyond the demonstrations the policy was not trained on the prefixes, so
 *     that is where it deviates from the expert; at most {@code demonstrations} inspects only those,
 *     as in the paper
 */
public record InspectionSettings(Double temperature, Integer samples, Integer batchSize, Agreement agreement,
                                 Integer tasks) {

    /** The default {@code tasks}. */
    public static final int DEFAULT_TASKS = 1000;

    public InspectionSettings {
        temperature = temperature == null ? 1.0 : temperature;
        samples = samples == null ? 1 : samples;
        batchSize = batchSize == null ? 256 : batchSize;
        agreement = agreement == null ? Agreement.NORMALIZED : agreement;
        tasks = tasks == null ? DEFAULT_TASKS : tasks;
        if (tasks < 1) {
            throw new IllegalArgumentException("inspection.tasks must be >= 1 (training tasks whose expert trajectories"
                    + " are inspected), got " + tasks);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("inspection.temperature must be finite and >= 0 (0 is greedy), got "
                    + temperature);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("inspection.samples must be >= 1, got " + samples);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("inspection.batchSize must be >= 1, got " + batchSize);
        }
    }

    /** The defaults. */
    public InspectionSettings() {
        this(null, null, null, null, null);
    }
}
