package dev.kaizen.eto;

import dev.kaizen.api.Checkpointable;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.api.method.MethodContext;
import dev.kaizen.api.optimizer.Optimizer;
import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.api.optimizer.TrainingBatch;
import dev.kaizen.api.optimizer.TrainingReport;
import dev.kaizen.api.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The starting policy of the methods: behaviour cloning on the expert demonstrations, done as the
 * host's {@code bc} method does it (so that the {@code baseline} stage equals the BC baseline of the
 * same recipe), or a checkpoint loaded into the policy, or (no demonstrations, for a method that
 * needs no expert) the policy as built.
 */
final class WarmStart {

    /** How many training tasks to take demonstrations of when the recipe does not say (as {@code bc}). */
    static final int DEFAULT_DEMONSTRATIONS = 1000;

    /** How many tasks of the pool a round explores when the recipe does not say. */
    static final int DEFAULT_EXPLORATION_TASKS = 1000;

    /** The seed stream and label of the warm-up training, the same as the host's {@code bc} method's. */
    static final String BC_SEED_STREAM = "bc/train";
    static final String BC_LABEL = "bc";

    private WarmStart() {
    }

    /** Checks the fields both methods share; messages name the recipe field. */
    static void validate(String method, int demonstrations, String checkpoint, int iterations, int explorationTasks) {
        if (demonstrations < 1) {
            throw new IllegalArgumentException("method.demonstrations must be >= 1 (training tasks with expert"
                    + " demonstrations), got " + demonstrations);
        }
        validateRest(method, checkpoint, iterations, explorationTasks);
    }

    /**
     * As {@link #validate}, for a method that needs no expert: {@code demonstrations} may be 0, for
     * no warm-up (the policy as built, or the checkpoint).
     */
    static void validateExpertFree(String method, int demonstrations, String checkpoint, int iterations,
                                   int explorationTasks) {
        if (demonstrations < 0) {
            throw new IllegalArgumentException("method.demonstrations must be >= 0 (training tasks with expert"
                    + " demonstrations for the warm-up; 0 starts from the policy as built, or from"
                    + " method.checkpoint), got " + demonstrations);
        }
        validateRest(method, checkpoint, iterations, explorationTasks);
    }

    private static void validateRest(String method, String checkpoint, int iterations, int explorationTasks) {
        if (checkpoint != null && checkpoint.isBlank()) {
            throw new IllegalArgumentException("method.checkpoint must name a checkpoint directory or be left out, got a blank string");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("method.iterations must be >= 1 (rounds of " + method + " after the"
                    + " warm-up), got " + iterations);
        }
        if (explorationTasks < 1) {
            throw new IllegalArgumentException("method.explorationTasks must be >= 1 (tasks of the exploration pool"
                    + " a round explores; a pool with fewer is explored whole), got " + explorationTasks);
        }
    }

    /** Brings {@code policy} to its starting point and records what was done. */
    static void run(MethodContext context, Policy policy, OptimizerConfig optimizer, String checkpoint,
                    Demonstrations demonstrations, String method) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (checkpoint != null) {
            if (!(policy instanceof Checkpointable checkpointable)) {
                throw new IncompatiblePartsException("method." + "checkpoint is set, but the policy "
                        + policy.getClass().getSimpleName() + " cannot load checkpoints; use a trainable policy"
                        + " or leave method.checkpoint out to start with behaviour cloning");
            }
            Path directory = Path.of(checkpoint);
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("method.checkpoint: no checkpoint directory at " + directory.toAbsolutePath());
            }
            checkpointable.load(directory);
            fields.put("checkpoint", directory.toString());
            context.metrics().record(method + "-warm-start", fields);
            return;
        }
        if (demonstrations.count() == 0) {
            fields.put("demonstrations", 0);
            fields.put("steps", 0);
            context.metrics().record(method + "-warm-start", fields);
            return;
        }
        var trajectories = demonstrations.all();
        context.writeTrajectories("demonstrations", trajectories);
        TrainingReport report;
        try (Optimizer bc = context.create(optimizer)) {
            report = bc.train(policy, TrainingBatch.ofTrajectories(trajectories, context.seed(BC_SEED_STREAM), BC_LABEL));
        }
        fields.put("demonstrations", trajectories.size());
        fields.put("steps", trajectories.stream().mapToInt(t -> t.length()).sum());
        fields.putAll(report.metrics());
        context.metrics().record(method + "-warm-start", fields);
    }
}
